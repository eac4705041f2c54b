import type Database from 'better-sqlite3';
import type { ChatParams, ConversationSummary } from '../contract';
import { FIRST_QUESTION_SQL } from './first-words-title';
import { json, toConversation, type ConversationRow } from './rows';

/** Queries on `conversations`. */
export class ConversationsTable {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly countStmt;
  private readonly touchStmt;

  constructor(
    private readonly db: Database.Database,
    /** After a delete: wipes the same conversation from the backups (backup-wipe.ts). */
    private readonly onDeleted: (id: number) => void = () => undefined,
  ) {
    this.insertStmt = db.prepare<
      [string | null, number, number, string | null, string | null, string | null, 'quick' | null]
    >(
      `INSERT INTO conversations (title, created_at, updated_at, model, params, system_prompt, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    // `first_question`: the title shown until the model's arrives (first-words-title.ts).
    this.getStmt = db.prepare<[number], ConversationRow>(
      `SELECT c.*, ${FIRST_QUESTION_SQL} AS first_question FROM conversations c WHERE c.id = ?`,
    );
    this.listStmt = db.prepare<[number, number], ConversationRow>(
      `SELECT c.*, ${FIRST_QUESTION_SQL} AS first_question FROM conversations c
       ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?`,
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM conversations');
    this.touchStmt = db.prepare<[number, number]>('UPDATE conversations SET updated_at = ? WHERE id = ?');
  }

  create(input: {
    title?: string | null;
    now: number;
    model?: string | null;
    params?: ChatParams | null;
    /** Issue 11: started in the quick-ask window. */
    origin?: 'quick' | null;
  }): number {
    const params = input.params ?? null;
    return Number(
      this.insertStmt.run(
        input.title ?? null,
        input.now,
        input.now,
        input.model ?? null,
        json(params),
        params?.systemPrompt ?? null,
        input.origin ?? null,
      ).lastInsertRowid,
    );
  }

  row(id: number): ConversationRow | undefined {
    return this.getStmt.get(id);
  }

  get(id: number): ConversationSummary | undefined {
    const row = this.getStmt.get(id);
    return row && toConversation(row);
  }

  list(offset: number, limit: number): { conversations: ConversationSummary[]; total: number } {
    return {
      conversations: this.listStmt.all(limit, offset).map(toConversation),
      total: this.countStmt.get()!.n,
    };
  }

  /** Records the model and parameters last used, and moves the conversation to the top. */
  touch(id: number, now: number, model?: string, params?: ChatParams): void {
    if (model !== undefined) {
      this.db
        .prepare('UPDATE conversations SET model = ?, params = ?, system_prompt = ? WHERE id = ?')
        .run(model, json(params ?? null), params?.systemPrompt ?? null, id);
    }
    this.touchStmt.run(now, id);
  }

  /** Conversation settings changed without sending (issue 6, controls): kept, order unchanged. */
  setSettings(id: number, model: string, params: ChatParams): boolean {
    return (
      this.db
        .prepare('UPDATE conversations SET model = ?, params = ?, system_prompt = ? WHERE id = ?')
        .run(model, json(params), params.systemPrompt ?? null, id).changes > 0
    );
  }

  setLeaf(id: number, leafId: number | null): void {
    this.db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(leafId, id);
  }

  rename(id: number, title: string): boolean {
    return this.db.prepare('UPDATE conversations SET title = ? WHERE id = ?').run(title, id).changes > 0;
  }

  setPinned(id: number, pinned: boolean): boolean {
    return (
      this.db.prepare('UPDATE conversations SET pinned = ? WHERE id = ?').run(pinned ? 1 : 0, id).changes > 0
    );
  }

  /**
   * Deletes the conversation and its messages. `secure_delete` zeroes the freed pages, the search
   * index drops their entries at once (its `secure-delete` option), and the WAL is truncated so no
   * old copy of a page holding the text is left there.
   */
  delete(id: number): boolean {
    const deleted = this.db.transaction(() => {
      this.db.prepare('UPDATE conversations SET current_leaf_id = NULL WHERE id = ?').run(id);
      this.db.prepare('DELETE FROM messages WHERE conversation_id = ?').run(id);
      return this.db.prepare('DELETE FROM conversations WHERE id = ?').run(id).changes > 0;
    })();
    if (deleted) {
      wipeFreedText(this.db);
      this.onDeleted(id);
    }
    return deleted;
  }
}

/** After deleting text: empty the WAL, which may still hold copies of the pages it was on. */
export function wipeFreedText(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
