import Database from 'better-sqlite3';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HISTORY_FILE } from '../../electron/history/open-database';
import { buildExport } from '../support/history-export';
import { buildHistoryCore, tempHistoryDir } from '../support/history';

/**
 * Item 5 (issue 9): random mutations of a valid export are imported consistently (the file passes an
 * integrity check; every imported conversation opens, lists and exports) or refused with a message;
 * nothing throws past the channel.
 */
const NUM_RUNS = 1000;

const base = buildExport([
  { title: 'one', updatedAt: Date.UTC(2025, 0, 1), pairs: 3 },
  { title: 'two', updatedAt: Date.UTC(2025, 0, 2), pairs: 2, pinned: true },
  { title: '三', updatedAt: Date.UTC(2025, 0, 3), pairs: [['龙井', '好茶']] },
]);

type Json = Record<string, unknown>;
const fields = [
  'id',
  'parentId',
  'role',
  'content',
  'reasoning',
  'model',
  'params',
  'status',
  'error',
  'usage',
  'finishReason',
  'createdAt',
  'updatedAt',
] as const;
const conversationFields = [
  'title',
  'createdAt',
  'updatedAt',
  'pinned',
  'model',
  'params',
  'activeLeafId',
  'messages',
];

const oddValue = fc.oneof(
  fc.constantFrom(
    1e20,
    -1,
    0,
    4102444800001,
    2 ** 53,
    -0.5,
    1.5,
    '',
    'streaming',
    'root',
    true,
    null,
    [],
    {},
  ),
  fc.constantFrom(
    { promptTokens: -1, completionTokens: 1, totalTokens: 1 },
    { temperature: 'hot' },
    { code: 'nope', message: 1 },
  ),
  fc.integer({ min: -5, max: 20 }),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)), // long, within or past the bounds
  fc.anything({ maxDepth: 2 }),
);

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('message-field'),
    c: fc.nat(),
    m: fc.nat(),
    field: fc.constantFrom(...fields),
    value: oddValue,
  }),
  fc.record({
    kind: fc.constant('conversation-field'),
    c: fc.nat(),
    field: fc.constantFrom(...conversationFields),
    value: oddValue,
  }),
  fc.record({ kind: fc.constant('drop-message'), c: fc.nat(), m: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-message'), c: fc.nat(), m: fc.nat() }),
  fc.record({
    kind: fc.constant('delete-field'),
    c: fc.nat(),
    m: fc.nat(),
    field: fc.constantFrom(...fields),
  }),
  fc.record({ kind: fc.constant('duplicate-conversation'), c: fc.nat() }),
  fc.record({
    kind: fc.constant('envelope'),
    field: fc.constantFrom('format', 'version', 'conversations'),
    value: oddValue,
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(data: Json, mutations: Mutation[]): void {
  const conversations = data.conversations as Json[];
  for (const mu of mutations) {
    if (mu.kind === 'envelope') {
      data[mu.field] = mu.value;
      continue;
    }
    if (!Array.isArray(conversations)) return;
    const c = conversations[mu.c % conversations.length];
    if (!c || typeof c !== 'object') return;
    if (!Array.isArray(c.messages)) {
      if (mu.kind === 'conversation-field') c[mu.field] = mu.value;
      continue;
    }
    const messages = c.messages as Json[];
    const m = 'm' in mu ? mu.m % Math.max(1, messages.length) : 0;
    if (mu.kind === 'message-field' && messages[m]) messages[m][mu.field] = mu.value;
    if (mu.kind === 'conversation-field') c[mu.field] = mu.value;
    if (mu.kind === 'drop-message') messages.splice(m, 1);
    if (mu.kind === 'duplicate-message' && messages[m]) messages.splice(m, 0, structuredClone(messages[m]));
    if (mu.kind === 'delete-field' && messages[m]) delete messages[m][mu.field];
    if (mu.kind === 'duplicate-conversation') conversations.push(structuredClone(c));
  }
}

describe('import fuzzing', () => {
  it(`${NUM_RUNS} mutated exports: imported consistently or refused with a message`, async () => {
    const dataDir = tempHistoryDir();
    const core = buildHistoryCore({ apiKey: null, baseURL: 'http://127.0.0.1:9', dataDir });
    const counts = { imported: 0, partlySkipped: 0, refused: 0, truncated: 0 };
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.oneof(
          { arbitrary: fc.constant(null), weight: 5 },
          { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 1 },
        ),
        async (mutations, cut) => {
          const data = structuredClone(base) as unknown as Json;
          apply(data, mutations);
          let text = JSON.stringify(data);
          if (cut !== null) {
            text = text.slice(0, Math.floor(text.length * cut));
            counts.truncated++;
          }
          const result = await core.invoke('history.import', { text }); // a throw here fails the property
          if (!result.ok) {
            expect(result.error.message.length).toBeGreaterThan(0);
            counts.refused++;
            return;
          }
          // Read defensively, so this test also runs (and fails on the bad dates) against the old channel.
          const skipped = (result.value as { skipped?: Array<{ reason: string }> }).skipped ?? [];
          if (skipped.length > 0) counts.partlySkipped++;
          else counts.imported++;
          for (const s of skipped) expect(s.reason.length).toBeGreaterThan(0);
          for (const id of (result.value as { conversationIds: number[] }).conversationIds) {
            const opened = await core.invoke('history.open', { conversationId: id });
            expect(opened.ok).toBe(true);
            for (const format of ['json', 'markdown'] as const) {
              const exported = await core.invoke('history.export', { conversationId: id, format });
              expect(exported.ok).toBe(true);
            }
          }
        },
      ),
      { numRuns: NUM_RUNS, seed: 9, endOnFailure: true },
    );
    const list = await core.invoke('history.list', { limit: 500 });
    expect(list.ok).toBe(true);
    for (const format of ['json', 'markdown'] as const) {
      expect((await core.invoke('history.export', { format })).ok).toBe(true);
    }
    const db = new Database(path.join(dataDir, HISTORY_FILE), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const badDates = db
      .prepare(
        `SELECT (SELECT count(*) FROM conversations WHERE created_at NOT BETWEEN 0 AND 4102444800000 OR updated_at NOT BETWEEN 0 AND 4102444800000)
              + (SELECT count(*) FROM messages WHERE created_at NOT BETWEEN 0 AND 4102444800000 OR updated_at NOT BETWEEN 0 AND 4102444800000) AS n`,
      )
      .get() as { n: number };
    expect(badDates.n).toBe(0);
    db.close();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `import fuzz: ${NUM_RUNS} cases (${counts.truncated} truncated): ${counts.imported} imported whole, ` +
        `${counts.partlySkipped} partly skipped, ${counts.refused} refused, in ${seconds.toFixed(1)} s`,
    );
    expect(counts.imported + counts.partlySkipped + counts.refused).toBe(NUM_RUNS);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.partlySkipped).toBeGreaterThan(0);
  }, 60_000);
});
