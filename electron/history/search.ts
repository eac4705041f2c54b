import type Database from 'better-sqlite3';
import type { SearchHit } from '../contract';
import { FIRST_QUESTION_SQL, firstWordsTitle } from './first-words-title';

/** Markers SQLite puts around a match in a snippet; private-use characters no message contains. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SNIPPET_CHARS = 40;

interface HitRow {
  id: number;
  conversation_id: number;
  title: string | null;
  first_question: string | null;
  role: SearchHit['role'];
  created_at: number;
  snippet: string;
}

/** Splits a marked snippet into text parts, `match: true` for the marked ones. */
export function snippetParts(marked: string): SearchHit['snippet'] {
  const parts: SearchHit['snippet'] = [];
  for (const piece of marked.split(OPEN)) {
    const [inside, after] = piece.includes(CLOSE) ? piece.split(CLOSE, 2) : [null, piece];
    if (inside) parts.push({ text: inside, match: true });
    if (after) parts.push({ text: after, match: false });
  }
  return parts;
}

/** A snippet around the first case-insensitive occurrence, the match between markers. */
function markedSnippet(content: string, query: string): string {
  const at = content.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return content.slice(0, SNIPPET_CHARS * 2);
  const start = Math.max(0, at - SNIPPET_CHARS);
  const end = Math.min(content.length, at + query.length + SNIPPET_CHARS);
  return (
    (start > 0 ? '…' : '') +
    content.slice(start, at) +
    OPEN +
    content.slice(at, at + query.length) +
    CLOSE +
    content.slice(at + query.length, end) +
    (end < content.length ? '…' : '')
  );
}

/**
 * Substring search in any language. Three characters or more: the trigram index (newest first by
 * rowid, so only the returned rows get a snippet). Shorter: a LIKE scan from the newest message,
 * which stops as soon as it has enough hits.
 */
export class MessageSearch {
  private readonly ftsStmt;
  private readonly likeStmt;

  constructor(db: Database.Database) {
    // Snippets are cut in JS for both paths: FTS5's snippet() counts trigram tokens and can cut a
    // match at the window's edge, marking only part of it.
    // `first_question`: the title shown until the model's arrives (first-words-title.ts).
    this.ftsStmt = db.prepare<[string, number], Omit<HitRow, 'snippet'> & { content: string }>(
      `SELECT m.id, m.conversation_id, c.title, ${FIRST_QUESTION_SQL} AS first_question, m.role, m.created_at, m.content
       FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
       JOIN messages m ON m.id = f.rowid
       JOIN conversations c ON c.id = m.conversation_id
       ORDER BY f.rowid DESC`,
    );
    this.likeStmt = db.prepare<[string, number], Omit<HitRow, 'snippet'> & { content: string }>(
      `SELECT m.id, m.conversation_id, c.title, ${FIRST_QUESTION_SQL} AS first_question, m.role, m.created_at, m.content
       FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.content LIKE ? ESCAPE '\\' AND m.status IS NOT 'streaming'
       ORDER BY m.id DESC LIMIT ?`,
    );
  }

  search(rawQuery: string, limit = 50): SearchHit[] {
    const query = rawQuery.trim();
    if (!query) return [];
    const found =
      [...query].length >= 3
        ? this.ftsStmt.all(`"${query.replace(/"/g, '""')}"`, limit)
        : this.likeStmt.all(`%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit);
    const rows: HitRow[] = found.map(({ content, ...r }) => ({
      ...r,
      snippet: markedSnippet(content, query),
    }));
    return rows.map((r) => ({
      conversationId: r.conversation_id,
      conversationTitle: r.title ?? (r.first_question ? firstWordsTitle(r.first_question) || null : null),
      messageId: r.id,
      role: r.role,
      createdAt: r.created_at,
      snippet: snippetParts(r.snippet),
    }));
  }
}
