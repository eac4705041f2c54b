import { z } from 'zod';
import {
  appErrorSchema,
  chatParamsSchema,
  conversationSummarySchema,
  streamStatuses,
  usageSchema,
} from '../contract';
import type { HistoryStore } from './history-store';
import { json, toConversation, toMessage, type MessageRow } from './rows';

/**
 * The JSON export: every message of every branch, with ids local to the file (1, 2, … in creation
 * order) so an export of an import is byte-for-byte the original export.
 */
const exportedMessageSchema = z.object({
  id: z.number().int().positive(),
  parentId: z.number().int().positive().nullable(),
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
  reasoning: z.string().nullable(),
  model: z.string().nullable(),
  params: chatParamsSchema.nullable(),
  status: z.enum(streamStatuses).nullable(),
  error: appErrorSchema.nullable(),
  usage: usageSchema.nullable(),
  finishReason: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
const exportedConversationSchema = conversationSummarySchema.omit({ id: true }).extend({
  activeLeafId: z.number().int().positive().nullable(),
  messages: z.array(exportedMessageSchema),
});
export const historyExportSchema = z.object({
  format: z.literal('qwen-desk-history'),
  version: z.literal(1),
  conversations: z.array(exportedConversationSchema),
});
export type HistoryExport = z.infer<typeof historyExportSchema>;
type ExportedConversation = z.infer<typeof exportedConversationSchema>;

function exportConversation(store: HistoryStore, id: number): ExportedConversation {
  const row = store.conversations.row(id)!;
  const rows = store.db
    .prepare<[number], MessageRow>('SELECT * FROM messages WHERE conversation_id = ? ORDER BY id')
    .all(id);
  const local = new Map(rows.map((r, i) => [r.id, i + 1]));
  const c = toConversation(row);
  return {
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    pinned: c.pinned,
    model: c.model,
    params: c.params,
    systemPrompt: c.systemPrompt,
    activeLeafId: row.current_leaf_id === null ? null : (local.get(row.current_leaf_id) ?? null),
    messages: rows.map((r) => {
      const m = toMessage(r, { index: 0, count: 1 });
      return {
        id: local.get(r.id)!,
        parentId: r.parent_id === null ? null : local.get(r.parent_id)!,
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

/** Imports an export in one transaction; a file that does not parse changes nothing. */
export function importJson(store: HistoryStore, data: HistoryExport): number[] {
  return store.db.transaction(() => {
    const ids: number[] = [];
    // In reverse, so the first conversation of the file gets the highest id, as it had when exported.
    for (const c of [...data.conversations].reverse()) {
      const info = store.db
        .prepare(
          `INSERT INTO conversations (title, created_at, updated_at, pinned, model, params, system_prompt)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(c.title, c.createdAt, c.updatedAt, c.pinned ? 1 : 0, c.model, json(c.params), c.systemPrompt);
      const conversationId = Number(info.lastInsertRowid);
      const dbId = new Map<number, number>();
      const insert = store.db.prepare(
        `INSERT INTO messages (conversation_id, parent_id, depth, role, content, reasoning, model, params, status,
                               error, usage, finish_reason, created_at, updated_at)
         VALUES (?, ?, coalesce((SELECT depth + 1 FROM messages WHERE id = ?), 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const m of c.messages) {
        const parent = m.parentId === null ? null : dbId.get(m.parentId);
        if (parent === undefined)
          throw new Error(`message ${m.id} names a parent that comes later or is missing`);
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
      }
      const leaf = c.activeLeafId === null ? null : dbId.get(c.activeLeafId);
      if (leaf === undefined) throw new Error('the active message is missing');
      store.conversations.setLeaf(conversationId, leaf);
      ids.push(conversationId);
    }
    return ids.reverse();
  })();
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
      const lines = [`# ${c.title ?? 'New chat'}`, '', `_${new Date(c.createdAt).toISOString()}_`];
      if (c.systemPrompt) lines.push('', '> ' + c.systemPrompt.replace(/\n/g, '\n> '));
      for (const m of path) {
        const who =
          m.role === 'user'
            ? 'You'
            : m.role === 'assistant'
              ? `Qwen${m.model ? ` (${m.model})` : ''}`
              : 'System';
        lines.push('', `## ${who}`, '', m.content);
        if (m.status && m.status !== 'done') lines.push('', `_(${m.status})_`);
      }
      return lines.join('\n') + '\n';
    })
    .join('\n---\n\n');
}
