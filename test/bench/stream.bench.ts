/**
 * The core's streaming path against the bare `openai` SDK, on the same fake stream: a 20,000-token
 * answer sent as fast as the loopback server can. Core path = request → stream manager (coalescing)
 * → event hub → a subscriber. Prints medians over several runs.
 */
import OpenAI from 'openai';
import { FakeDashScope } from '../fake-dashscope/server';
import { buildCore } from '../support/core';
import type { ChatEvent } from '../../electron/contract';

const TOKENS = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const tokens = Array.from({ length: TOKENS }, (_, i) => (i % 2 ? '千问' : ` w${i % 97}`));

const fake = await new FakeDashScope().start();
fake.setDefault(() => ({ type: 'stream', tokens, delayMs: 0 }));

async function direct(): Promise<{ first: number; total: number }> {
  const sdk = new OpenAI({ apiKey: 'sk-bench', baseURL: fake.baseURL, maxRetries: 0 });
  const t0 = performance.now();
  let first = 0;
  let text = '';
  const stream = await sdk.chat.completions.create({
    model: 'qwen-plus',
    messages: [{ role: 'user', content: 'bench' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const chunk of stream) {
    const c = chunk.choices[0]?.delta?.content;
    if (c) {
      if (!first) first = performance.now() - t0;
      text += c;
    }
  }
  if (text.length !== tokens.join('').length) throw new Error('direct: text mismatch');
  return { first, total: performance.now() - t0 };
}

async function viaCore(): Promise<{ first: number; total: number; events: number }> {
  const core = buildCore({ apiKey: 'sk-bench', baseURL: fake.baseURL });
  const t0 = performance.now();
  let first = 0;
  let text = '';
  let events = 0;
  const done = new Promise<void>((resolve) =>
    core.subscribe((_e, payload) => {
      const event = payload as ChatEvent;
      if (event.type === 'delta') {
        if (!first) first = performance.now() - t0;
        text += event.content;
        events++;
      } else resolve();
    }),
  );
  const r = await core.invoke('chat.start', {
    model: 'qwen-plus',
    messages: [{ role: 'user', content: 'bench' }],
  });
  if (!r.ok) throw new Error(r.error.message);
  await done;
  if (text !== tokens.join('')) throw new Error('core: text mismatch');
  return { first, total: performance.now() - t0, events };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
await direct(); // warm-up
await viaCore();
const d: Array<{ first: number; total: number }> = [];
const c: Array<{ first: number; total: number; events: number }> = [];
const cpuStart = process.cpuUsage();
for (let i = 0; i < RUNS; i++) {
  d.push(await direct());
  c.push(await viaCore());
}
const cpu = process.cpuUsage(cpuStart);

console.log(`stream of ${TOKENS} tokens, ${RUNS} runs each (median):`);
console.log(
  `  direct SDK : first token ${median(d.map((x) => x.first)).toFixed(2)} ms, total ${median(d.map((x) => x.total)).toFixed(1)} ms`,
);
console.log(
  `  core path  : first token ${median(c.map((x) => x.first)).toFixed(2)} ms, total ${median(c.map((x) => x.total)).toFixed(1)} ms, ${median(c.map((x) => x.events))} coalesced events`,
);
console.log(
  `  total ratio core/direct: ${(median(c.map((x) => x.total)) / median(d.map((x) => x.total))).toFixed(3)}x`,
);
console.log(
  `  first-token difference: ${(median(c.map((x) => x.first)) - median(d.map((x) => x.first))).toFixed(2)} ms`,
);
console.log(
  `  process CPU for both paths: ${((cpu.user + cpu.system) / 1000 / ((RUNS * 2 * TOKENS) / 1000)).toFixed(2)} ms per 1,000 tokens (average)`,
);
await fake.close();
