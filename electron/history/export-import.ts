import type { AttachmentInput, HistoryMessage, ConversationSummary } from '../contract';
import { validateAttachments } from '../attachments/validate';
import { exportImageJob, importImageJob, type ExportedImageJob } from './image-export';
import type { HistoryStore } from './history-store';
import {
  historyImportSchema,
  isDateInRange,
  validateImport,
  type HistoryImport,
  type ImportSkip,
} from './import-validate';
import { firstWordsTitle } from './first-words-title';
import { json, toConversation, toMessage, type MessageRow } from './rows';

/**
 * The JSON export: every message of every branch, with ids local to the file (1, 2, … in creation
 * order) so an export of an import is byte-for-byte the original export. What an import accepts is
 * checked field by field in `import-validate.ts`.
 */
type ExportedMessage = Omit<
  HistoryMessage,
  'conversationId' | 'siblingIndex' | 'siblingCount' | 'streamId' | 'attachments'
> & {
  /** Issue 10: a question's images (base64) and text files, as `history.send` takes them. */
  attachments?: AttachmentInput[];
  /** Issue 14: an image answer's job and its images. */
  image?: ExportedImageJob;
};

/** A message's attachments with their bytes, for the export; none: nothing (older exports match). */
function exportAttachments(store: HistoryStore, messageId: number): { attachments?: AttachmentInput[] } {
  const list = store.attachments.forMessage(messageId).flatMap((a): AttachmentInput[] => {
    const blob = store.attachments.blob(a.sha256);
    if (!blob) return [];
    return a.kind === 'text'
      ? [{ kind: 'text', fileName: a.fileName, text: blob.data.toString('utf8') }]
      : [
          {
            kind: 'image',
            fileName: a.fileName,
            mimeType: blob.mimeType as Extract<AttachmentInput, { kind: 'image' }>['mimeType'],
            dataBase64: blob.data.toString('base64'),
            width: a.width ?? 0,
            height: a.height ?? 0,
          },
        ];
  });
  return list.length > 0 ? { attachments: list } : {};
}
type ExportedConversation = Omit<ConversationSummary, 'id' | 'quick'> & {
  /** Issue 11: present (true) only for a conversation begun in the quick-ask window. */
  quick?: true;
  activeLeafId: number | null;
  messages: ExportedMessage[];
};
export interface HistoryExport {
  format: 'qwen-desk-history';
  version: 1;
  conversations: ExportedConversation[];
}
/** The envelope the `history.import` handler parses; conversations are then checked one by one. */
export const historyExportSchema = historyImportSchema;

function exportConversation(store: HistoryStore, id: number): ExportedConversation {
  const row = store.conversations.row(id)!;
  const rows = store.db
    .prepare<[number], MessageRow>('SELECT * FROM messages WHERE conversation_id = ? ORDER BY id')
    .all(id);
  const local = new Map(rows.map((r, i) => [r.id, i + 1]));
  const c = toConversation(row);
  return {
    // The stored title: the first words shown meanwhile are made on read, not kept.
    title: row.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    pinned: c.pinned,
    model: c.model,
    params: c.params,
    systemPrompt: c.systemPrompt,
    ...(c.quick ? { quick: true as const } : {}),
    activeLeafId: row.current_leaf_id === null ? null : (local.get(row.current_leaf_id) ?? null),
    messages: rows.map((r) => {
      const m = toMessage(r, { index: 0, count: 1 });
      return {
        id: local.get(r.id)!,
        parentId: r.parent_id === null ? null : (local.get(r.parent_id) ?? null),
        role: m.role,
        content: m.content,
        reasoning: m.reasoning,
        model: m.model,
        params: m.params,
        status: m.status,
        error: m.error,
        usage: m.usage,
        finishReason: m.finishReason,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
        ...(r.role === 'user' ? exportAttachments(store, r.id) : {}),
        ...(r.role === 'assistant' ? exportImageJob(store, r.id) : {}), // issue 14: its images
      };
    }),
  };
}

/** One conversation, or all in list order (pinned first, then most recent). */
export function exportJson(store: HistoryStore, conversationId?: number): HistoryExport {
  const ids =
    conversationId !== undefined
      ? [conversationId]
      : store.db
          .prepare<[], { id: number }>(
            'SELECT id FROM conversations ORDER BY pinned DESC, updated_at DESC, id DESC',
          )
          .all()
          .map((r) => r.id);
  return {
    format: 'qwen-desk-history',
    version: 1,
    conversations: ids.map((id) => exportConversation(store, id)),
  };
}

/**
 * Imports the valid conversations of an export in one transaction (all of them or, on any failure,
 * none); the invalid ones are skipped and reported with the reason.
 */
export function importJson(
  store: HistoryStore,
  data: HistoryImport,
): { conversationIds: number[]; skipped: ImportSkip[] } {
  const { accepted, skipped } = validateImport(data);
  const insertConversation = store.db.prepare(
    `INSERT INTO conversations (title, created_at, updated_at, pinned, model, params, system_prompt, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insert = store.db.prepare(
    `INSERT INTO messages (conversation_id, parent_id, depth, role, content, reasoning, model, params, status,
                           error, usage, finish_reason, created_at, updated_at)
     VALUES (?, ?, coalesce((SELECT depth + 1 FROM messages WHERE id = ?), 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const conversationIds = store.db.transaction(() => {
    const ids: number[] = [];
    // In reverse, so the first conversation of the file gets the highest id, as it had when exported.
    for (const c of [...accepted].reverse()) {
      const info = insertConversation.run(
        c.title,
        c.createdAt,
        c.updatedAt,
        c.pinned ? 1 : 0,
        c.model,
        json(c.params),
        c.systemPrompt,
        c.quick ? 'quick' : null,
      );
      const conversationId = Number(info.lastInsertRowid);
      const dbId = new Map<number, number>();
      for (const m of c.messages) {
        // Checked by validateImport: the parent is an earlier message of this conversation.
        const parent = m.parentId === null ? null : dbId.get(m.parentId)!;
        // An answer that was streaming when exported can only be interrupted now.
        const status = m.status === 'streaming' ? 'interrupted' : m.status;
        const r = insert.run(
          conversationId,
          parent,
          parent,
          m.role,
          m.content,
          m.reasoning,
          m.model,
          json(m.params),
          status,
          json(m.error),
          json(m.usage),
          m.finishReason,
          m.createdAt,
          m.updatedAt,
        );
        dbId.set(m.id, Number(r.lastInsertRowid));
        // Issue 10: checked by validateImport as main checks what it is sent.
        if (m.attachments?.length)
          store.attachments.add(Number(r.lastInsertRowid), validateAttachments(m.attachments), m.createdAt);
        if (m.image) importImageJob(store, Number(r.lastInsertRowid), m.image, m.updatedAt); // issue 14
      }
      store.conversations.setLeaf(conversationId, c.activeLeafId === null ? null : dbId.get(c.activeLeafId)!);
      ids.push(conversationId);
    }
    return ids.reverse();
  })();
  return { conversationIds, skipped };
}

/**
 * A date for the Markdown copy. Rows written before imports were checked may hold any number
 * (1e20 made `toISOString()` throw and the whole export fail): those are written as the raw number.
 */
function markdownDate(ms: number): string {
  return isDateInRange(ms) ? new Date(ms).toISOString() : String(ms);
}

/**
 * A title as a Markdown heading's text: one line, HTML escaped (a title like "<img src=x
 * onerror=…>" would otherwise be live markup in every viewer that renders HTML in Markdown), and
 * the characters Markdown would read as formatting escaped, so the heading says what the title says.
 */
export function markdownTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1');
}

/** The active path of each conversation as Markdown: a readable copy, not meant to be imported. */
export function exportMarkdown(store: HistoryStore, conversationId?: number): string {
  const data = exportJson(store, conversationId);
  return data.conversations
    .map((c) => {
      const byId = new Map(c.messages.map((m) => [m.id, m]));
      const path = [];
      for (let id = c.activeLeafId; id !== null;) {
        const m = byId.get(id);
        if (!m) break;
        path.unshift(m);
        id = m.parentId;
      }
      const untitled = firstWordsTitle(path.find((m) => m.role === 'user')?.content ?? '') || 'Untitled';
      const lines = [`# ${markdownTitle(c.title ?? untitled)}`, '', `_${markdownDate(c.createdAt)}_`];
      if (c.systemPrompt) lines.push('', '> ' + c.systemPrompt.replace(/\n/g, '\n> '));
      for (const m of path) {
        const who =
          m.role === 'user'
            ? 'You'
            : m.role === 'assistant'
              ? `Qwen${m.model ? ` (${m.model})` : ''}`
              : 'System';
        lines.push('', `## ${who}`, '');
        // Issue 10: the images and files a question carried, by name (the JSON export has them).
        if (m.attachments?.length)
          lines.push(
            `_Attached: ${m.attachments.map((a) => (a.kind === 'image' ? `${a.fileName} (${a.width} × ${a.height})` : a.fileName)).join(', ')}_`,
            '',
          );
        lines.push(m.content);
        // Issue 14: an image answer's pictures by name (the JSON export has them).
        if (m.image?.images.length)
          lines.push(`_Generated: ${m.image.images.map((i) => i.fileName).join(', ')}_`);
        if (m.status && m.status !== 'done') lines.push('', `_(${m.status})_`);
      }
      return lines.join('\n') + '\n';
    })
    .join('\n---\n\n');
}
