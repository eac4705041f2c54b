/**
 * History at scale: 200,000 messages in 2,000 conversations (half Chinese, one conversation of
 * 10,000 messages), on a real file. Prints: generation time, opening the newest page of the long
 * conversation (target < 20 ms), search for 3- and 6-character Chinese and English terms (target
 * p95 < 30 ms), the cost of one stream flush, and the file size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HistoryStore } from '../../electron/history/history-store';
import { HISTORY_FILE } from '../../electron/history/open-database';

/** BENCH_SCALE=0.1 builds a tenth of the history (a quick run while developing). */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CONVERSATIONS = Math.round(2_000 * SCALE);
const MESSAGES = Math.round(200_000 * SCALE);
const LONG = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);

const zh = [
  '杭州西湖龙井茶是中国十大名茶之一',
  '通义千问可以回答各种问题',
  '苏堤春晓和断桥残雪都是西湖十景',
  '请帮我把这段话翻译成英文',
  '深度学习模型需要大量的训练数据',
  '上海的外滩夜景非常漂亮',
  '这个函数的时间复杂度是多少',
  '明天北京的天气怎么样',
];
const en = [
  'Longjing tea grows in the hills around West Lake',
  'Qwen models stream their answers token by token',
  'the function runs in linear time over the input',
  'please summarise this article in three sentences',
  'Shanghai has a famous skyline along the Bund',
  'a transformer attends to every token in the context',
  'write a unit test for the parser before refactoring',
  'the weather in Beijing will be sunny tomorrow',
];
let seed = 42;
/** mulberry32: a small deterministic generator, so every run builds the same history. */
const rand = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const text = (chinese: boolean, i: number) => {
  const words = chinese ? zh : en;
  const parts = Array.from({ length: 2 + rand(4) }, () => words[rand(words.length)]!);
  return `${parts.join(chinese ? '，' : '. ')} #${i}`;
};

const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${s.at(-1)!.toFixed(2)} ms`;
};
const time = (work: () => void) => {
  const t = performance.now();
  work();
  return performance.now() - t;
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-bench-'));
const store = HistoryStore.open(dir);
const db = store.db;

// --- Generation: one transaction, prepared statements.
const insertConversation = db.prepare(
  'INSERT INTO conversations (title, created_at, updated_at, model) VALUES (?, ?, ?, ?)',
);
const insertMessage = db.prepare(
  `INSERT INTO messages (conversation_id, parent_id, depth, role, content, model, status, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const setLeaf = db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?');
let longId = 0;
const generation = time(() =>
  db.transaction(() => {
    let t = Date.UTC(2025, 0, 1);
    const perOther = Math.floor((MESSAGES - LONG) / (CONVERSATIONS - 1));
    const extra = (MESSAGES - LONG) % (CONVERSATIONS - 1);
    for (let c = 0; c < CONVERSATIONS; c++) {
      const chinese = c % 2 === 0;
      const count = c === 0 ? LONG : perOther + (c <= extra ? 1 : 0);
      const id = Number(insertConversation.run(`conversation ${c}`, t, t, 'qwen-plus').lastInsertRowid);
      if (c === 0) longId = id;
      let parent: number | null = null;
      for (let i = 0; i < count; i++) {
        t += 1000;
        const user = i % 2 === 0;
        parent = Number(
          insertMessage.run(
            id,
            parent,
            i,
            user ? 'user' : 'assistant',
            text(chinese, i),
            user ? null : 'qwen-plus',
            user ? null : 'done',
            t,
            t,
          ).lastInsertRowid,
        );
      }
      setLeaf.run(parent, id);
    }
  })(),
);
const count = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
console.log(
  `generated ${count.toLocaleString('en-US')} messages in ${CONVERSATIONS} conversations: ${(generation / 1000).toFixed(1)} s`,
);
db.pragma('wal_checkpoint(TRUNCATE)');
db.pragma('optimize');

// --- Open the newest page of the 10,000-message conversation.
let pageSize = 0;
const open = Array.from({ length: RUNS }, () =>
  time(() => {
    pageSize = store.page(longId, { limit: 100 })!.messages.length;
  }),
);
console.log(
  `open newest page (${pageSize} of ${LONG.toLocaleString('en-US')} messages): ${stats(open)}   (target < 20 ms)`,
);
const openFull = Array.from({ length: 20 }, () => time(() => store.page(longId, { limit: 1000 })));
console.log(`open a 1,000-message page of it: ${stats(openFull)}`);

// --- Search.
for (const term of ['龙井茶', '杭州西湖龙井', 'tea', 'stream', '西湖', '断桥残雪都是', 'token by']) {
  let hits = 0;
  store.search.search(term); // first run warms the page cache
  const samples = Array.from({ length: RUNS }, () =>
    time(() => (hits = store.search.search(term, 50).length)),
  );
  console.log(
    `search "${term}" (${[...term].length} chars, ${hits} hits shown): ${stats(samples)}   (target p95 < 30 ms)`,
  );
}
const rare = '#4999';
console.log(
  `search "${rare}" (rare, ${store.search.search(rare).length} hits): ${stats(Array.from({ length: RUNS }, () => time(() => store.search.search(rare))))}`,
);

// --- Stream flush: one growing answer written every flush, as the recorder does.
const streamId = store.messages.insert({
  conversationId: longId,
  parentId: null,
  role: 'assistant',
  content: '',
  status: 'streaming',
  now: Date.now(),
});
let answer = '';
const flushes = Array.from({ length: 500 }, (_, i) => {
  answer += `${zh[i % zh.length]} token ${i}. `;
  return time(() => store.messages.flush(streamId, answer, null, Date.now()));
});
console.log(
  `stream flush (answer growing to ${answer.length.toLocaleString('en-US')} chars): ${stats(flushes)} per write`,
);
const finish = time(() =>
  store.messages.finish(streamId, { content: answer, reasoning: null, status: 'done', now: Date.now() }),
);
console.log(`final write with indexing of that answer: ${finish.toFixed(2)} ms`);

// --- Deleting a conversation (secure: the search index is merged so no trace of its text stays).
const victim = (
  db.prepare('SELECT id FROM conversations WHERE id != ? ORDER BY id DESC LIMIT 1').get(longId) as {
    id: number;
  }
).id;
const deletion = time(() => store.conversations.delete(victim));
console.log(`delete a 100-message conversation, text wiped from file and index: ${deletion.toFixed(0)} ms`);

store.close();
const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
const file = path.join(dir, HISTORY_FILE);
const bytes = size(file) + size(`${file}-wal`);
console.log(
  `file size: ${(bytes / 1024 / 1024).toFixed(1)} MiB (${Math.round(bytes / count)} bytes per message, search index included)`,
);
fs.rmSync(dir, { recursive: true, force: true });
