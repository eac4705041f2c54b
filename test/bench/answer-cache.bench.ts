/**
 * The answer cache (issue 14, item 5): how long a repeated translation takes to be answered, from
 * `history.send` to the answer's `done` event, when the cache answers it, beside the same
 * translation asked of the fake server over loopback (no delay between tokens: the baseline is the
 * app's own path plus one local HTTP stream, the fastest a real request could be). Also the key
 * (the body built and hashed) and the lookup alone, on a history holding 20,000 cached answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChatEvent, SendResult } from '../../electron/contract';
import { answerKey } from '../../electron/core/answer-cache';
import { createCore } from '../../electron/core/create-core';
import { HistoryStore } from '../../electron/history/history-store';
import { createQwenClient } from '../../electron/qwen/qwen-client';
import { envKeySource } from '../../electron/secrets/key-source';
import { systemClock } from '../../electron/shared/clock';
import { FakeDashScope, tokenize } from '../fake-dashscope/server';
import { fakeTranslation } from '../fake-dashscope/translation';

const ENTRIES = Number(process.env.BENCH_CACHE_ENTRIES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const KEY = 'sk-bench';

const median = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const ms = (v: number) => `${v.toFixed(2)} ms`;

const fake = await new FakeDashScope({ validKeys: [KEY] }).start();
fake.setDefault((q, r) =>
  r.translation_options
    ? { type: 'stream', tokens: tokenize(fakeTranslation(q, r.translation_options)) }
    : null,
);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-bench-cache-'));
const store = HistoryStore.open(dir);
const core = createCore({
  keySource: envKeySource(KEY),
  createQwenClient,
  clock: systemClock,
  getBaseURL: () => fake.baseURL,
  getEngineSettings: () => ({ maxRetries: 0 }),
  history: store,
});

// 20,000 cached answers, each belonging to an answer row, as weeks of use would leave (24 h each).
const now = Date.now();
store.db.transaction(() => {
  const conversationId = store.conversations.create({ now, model: 'qwen-mt-flash' });
  for (let i = 0; i < ENTRIES; i++) {
    const messageId = store.messages.insert({
      conversationId,
      parentId: null,
      role: 'assistant',
      content: `translation ${i}`,
      now,
    });
    const key = answerKey({ model: 'qwen-mt-flash', messages: [{ role: 'user', content: `text ${i}` }] })!;
    store.answerCache.put(key, { messageId, content: `translation ${i}`, reasoning: null }, now);
  }
})();

const done = new Map<string, () => void>();
core.subscribe((event, payload) => {
  const e = payload as ChatEvent;
  if (event === 'chat.event' && (e.type === 'done' || e.type === 'error')) done.get(e.streamId)?.();
});

/** One translation: send → its `done` event. */
async function translateOnce(text: string): Promise<number> {
  const t = performance.now();
  let resolve!: () => void;
  const finished = new Promise<void>((r) => (resolve = r));
  const r = await core.invoke('history.send', {
    content: text,
    model: 'qwen-mt-flash',
    params: { translation: { sourceLang: 'auto', targetLang: 'English' } },
  });
  if (!r.ok) throw new Error(r.error.message);
  const streamId = (r.value as SendResult).streamId!;
  done.set(streamId, resolve);
  // The replayed answer may have ended before the id was known: the history has it then.
  const row = store.messages.get((r.value as SendResult).assistantMessageId);
  if (row?.status !== 'streaming') resolve();
  await finished;
  done.delete(streamId);
  return performance.now() - t;
}

const text = (i: number) => `西湖的断桥残雪是杭州最有名的景色之一，第 ${i} 段。`.repeat(20);
const asked: number[] = [];
const cached: number[] = [];
for (let i = 0; i < RUNS; i++) asked.push(await translateOnce(text(i)));
for (let i = 0; i < RUNS; i++) cached.push(await translateOnce(text(i)));
const requestsForCached = fake.streamRequests.length - RUNS;

const keys: number[] = [];
const lookups: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const key = answerKey({ model: 'qwen-mt-flash', messages: [{ role: 'user', content: text(i) }] })!;
  keys.push(performance.now() - t);
  t = performance.now();
  store.answerCache.get(key, Date.now());
  lookups.push(performance.now() - t);
}

console.log(`answer cache, ${ENTRIES.toLocaleString('en-US')} entries, ${RUNS} runs, medians:`);
console.log(`  translation asked of the fake server (baseline): ${ms(median(asked))}`);
console.log(
  `  the same translation from the cache:             ${ms(median(cached))} (${(median(asked) / median(cached)).toFixed(1)}× faster; requests made: ${requestsForCached})`,
);
console.log(`  key (body built and hashed, ${text(0).length} characters): ${ms(median(keys))}`);
console.log(`  lookup:                                           ${ms(median(lookups))}`);

await core.dispose();
await fake.close();
fs.rmSync(dir, { recursive: true, force: true });
