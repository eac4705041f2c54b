/**
 * Builds a Qwen Desk JSON export (the `history.import` format) for tests that need conversations
 * with given dates, pins or lengths without sending each message through the engine.
 */
import type { HistoryExport } from '../../electron/history/export-import';

export interface ExportSpec {
  title: string;
  updatedAt: number;
  pinned?: boolean;
  /** Question/answer pairs on one path; each pair is "question i" / "answer i" unless given. */
  pairs?: number | Array<[string, string]>;
}

export function buildExport(specs: ExportSpec[]): HistoryExport {
  return {
    format: 'qwen-desk-history',
    version: 1,
    conversations: specs.map((spec) => {
      const pairs: Array<[string, string]> = Array.isArray(spec.pairs)
        ? spec.pairs
        : Array.from({ length: spec.pairs ?? 1 }, (_, i) => [`question ${i}`, `answer ${i}`]);
      const messages: HistoryExport['conversations'][number]['messages'] = [];
      const t = spec.updatedAt - pairs.length * 2000;
      pairs.forEach(([q, a], i) => {
        const base = { reasoning: null, params: null, error: null, usage: null };
        const at = t + i * 2000;
        messages.push({
          ...base,
          id: i * 2 + 1,
          parentId: i === 0 ? null : i * 2,
          role: 'user',
          content: q,
          model: null,
          status: null,
          finishReason: null,
          createdAt: at,
          updatedAt: at,
        });
        messages.push({
          ...base,
          id: i * 2 + 2,
          parentId: i * 2 + 1,
          role: 'assistant',
          content: a,
          model: 'qwen-plus',
          status: 'done',
          finishReason: 'stop',
          createdAt: at + 1000,
          updatedAt: at + 1000,
        });
      });
      return {
        title: spec.title,
        createdAt: t,
        updatedAt: spec.updatedAt,
        pinned: spec.pinned ?? false,
        model: 'qwen-plus',
        params: null,
        systemPrompt: null,
        activeLeafId: messages.length ? messages.length : null,
        messages,
      };
    }),
  };
}
