/**
 * What the context cache saves (issue 13, item 4): a conversation of 30 turns over a 20,000-token
 * document, asked through the app's engine against the fake server playing DashScope's explicit
 * cache (cache-sim.ts), once with "Context cache" on and once off. Cost at Qwen3.5-Plus's list
 * prices (electron/shared/pricing.ts: the tier of each request, hits at 10 %, writes at 125 %),
 * for both price lists. It measures money, not time: the figures are exact for the token counts.
 */
import type { ChatEvent, ChatMessage, Usage } from '../../electron/contract';
import { catalog } from '../../electron/shared/models';
import { totalCost } from '../../electron/shared/pricing';
import { FakeDashScope, tokenize } from '../fake-dashscope/server';
import { buildCore, collectEvents } from '../support/core';

const TURNS = 30;
const MODEL = 'qwen3.5-plus';
// About 20,000 tokens at the fake's four characters a token.
const paragraph =
  'The West Lake Cultural Landscape of Hangzhou comprises the lake, the hills on three sides, causeways, islands and temples. ';
const document = paragraph.repeat(Math.ceil(80_000 / paragraph.length));

async function conversation(contextCache: boolean): Promise<Usage[]> {
  const fake = await new FakeDashScope({ simulateCache: true }).start();
  fake.setDefault(() => ({
    type: 'stream',
    tokens: tokenize('An answer of about two hundred tokens. '.repeat(28)),
  }));
  const core = buildCore({
    apiKey: 'sk-bench',
    baseURL: fake.baseURL,
    engine: { maxRetries: 0, contextCache, protocol: 'compatible' },
  });
  const events = collectEvents(core);
  const messages: ChatMessage[] = [];
  const usages: Usage[] = [];
  for (let turn = 1; turn <= TURNS; turn++) {
    const question =
      turn === 1
        ? `Read this document:\n\n${document}\n\nWhat is it about?`
        : `Question ${turn} about the document?`;
    messages.push({ role: 'user', content: question });
    const r = await core.invoke('chat.start', { model: MODEL, messages, params: { enableThinking: false } });
    if (!r.ok) throw new Error(r.error.message);
    const id = (r.value as { streamId: string }).streamId;
    const last = (await events.until(id)) as ChatEvent;
    if (last.type !== 'done' || !last.usage) throw new Error(`turn ${turn} did not finish`);
    usages.push(last.usage);
    messages.push({ role: 'assistant', content: events.text(id) });
  }
  await core.dispose();
  await fake.close();
  return usages;
}

const on = await conversation(true);
const off = await conversation(false);
const prices = catalog.find((m) => m.id === MODEL)!.prices!;
const sum = (us: Usage[], f: (u: Usage) => number | undefined) => us.reduce((a, u) => a + (f(u) ?? 0), 0);
const n = (v: number) => v.toLocaleString('en-US');
console.log(`${TURNS} turns over a ${n(Math.ceil(document.length / 4))}-token document, ${MODEL}:`);
console.log(
  `  input tokens: ${n(sum(off, (u) => u.promptTokens))} without the cache; with it ${n(sum(on, (u) => u.cachedTokens))} read from the cache, ${n(sum(on, (u) => u.cacheCreationTokens))} written`,
);
for (const [list, price] of Object.entries(prices)) {
  const without = totalCost(off, price);
  const withCache = totalCost(on, price);
  const money = (v: number) => `${v.toFixed(4)} ${price.currency}`;
  console.log(
    `  ${list.padEnd(13)}: ${money(without)} without the cache (baseline), ${money(withCache)} with it — ${((1 - withCache / without) * 100).toFixed(1)} % less`,
  );
}
