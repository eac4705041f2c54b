/**
 * What a streaming answer costs to draw (issue 15, item 10): the built app in browser mode, its
 * core streaming a ~36k-character Markdown answer (headings, code, tables, math) from the fake
 * DashScope server at about 200 chunks/s, in real Chromium, beside
 *  - the naive page: react-markdown re-parsing the whole answer per delta (what the targets are
 *    measured against), and
 *  - the floor: one element's textContent appended per delta (one text append and one paragraph
 *    layout per update),
 * each asking the same core for the same answer in the same run (draw-cost-fixture). From a
 * devtools.timeline trace of the stream and the second after it: main-thread busy time by category,
 * tasks over 50 ms, forced synchronous layouts; from Performance.getMetrics after a forced GC, what
 * the stream added to the JS heap and to the DOM. Prints each figure beside the naive page's with
 * the ratio and PASS/MISS against the target. Needs `npm run build` first.
 * DRAWCOST_CHARS, DRAWCOST_DELAY_MS: a shorter or faster stream (the figures then are not the target's).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { FakeDashScope, tokenize } from '../fake-dashscope/server';
import { launchChromium } from '../support/chromium';
import { HOST_ENTRY, startBrowserMode, tempDataDir } from '../support/browser-mode';
import { markdownAnswer } from './support/markdown-answer';
import { mainThreadCost, type MainThreadCost, type TraceEvent } from './support/trace-cost';

const CHARS = Number(process.env.DRAWCOST_CHARS ?? 36_000);
const DELAY_MS = Number(process.env.DRAWCOST_DELAY_MS ?? 5);
const KEY = 'sk-drawcost';
const QUESTION = 'Explain streaming at scale, with tables, code and math.';
/** After the stream ends: idle-time work (highlighting, math) and the end's own task land in it. */
const SETTLE_MS = 1500;

if (!fs.existsSync(HOST_ENTRY)) throw new Error('Browser mode is not built: run "npm run build" first.');

// Two small tokens per chunk: about 8 characters, as DashScope's chunks of Chinese or English run.
const small = tokenize(markdownAnswer(CHARS));
const chunks = Array.from(
  { length: Math.ceil(small.length / 2) },
  (_, i) => small[2 * i]! + (small[2 * i + 1] ?? ''),
);
const answerChars = chunks.join('').length;

// The host serves a copy of the built renderer with the bench pages beside it, so they load from its
// origin under its CSP, and its bridge accepts them.
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-drawcost-'));
fs.cpSync('dist/renderer', rendererDir, { recursive: true });
const outDir = path.join(rendererDir, 'draw-cost');
await build({
  root: path.resolve('test/bench/draw-cost-fixture'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir, emptyOutDir: true, target: 'chrome130', chunkSizeWarningLimit: 5000 },
});

const fake = await new FakeDashScope({ validKeys: [KEY] }).start();
fake.setDefault(() => ({ type: 'stream', tokens: chunks, delayMs: DELAY_MS }));
const app = await startBrowserMode({
  DASHSCOPE_API_KEY: KEY,
  DASHSCOPE_BASE_URL: fake.baseURL,
  QWEN_DESK_DATA_DIR: tempDataDir(),
  QWEN_DESK_RENDERER_DIR: rendererDir,
});
const appUrl = new URL(app.url);
const token = appUrl.searchParams.get('token')!;

type Kind = 'app' | 'naive' | 'floor';
interface Run {
  cost: MainThreadCost;
  /** The same, from the first words on screen to the end of the trace. */
  streaming: MainThreadCost;
  streamMs: number;
  heapMB: number;
  nodes: number;
  /** Of those, the nodes of KaTeX's and highlight.js's output. */
  mathNodes: number;
  deltas: number;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'v8.execute',
  'blink.user_timing',
];

/** DOM nodes (elements and text) inside KaTeX's and highlight.js's output. */
const mathAndHighlightNodes = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll('.katex, code.hljs')) {
      const walker = document.createTreeWalker(el);
      while (walker.nextNode()) n++;
    }
    return n;
  });

const STREAMING_MARK = 'drawcost:streaming';
function markTs(events: readonly TraceEvent[]): number {
  const mark = events.find((e) => e.name === STREAMING_MARK);
  if (!mark) throw new Error('the trace lacks the streaming mark');
  return mark.ts;
}

async function heapAndNodes(cdp: CDPSession): Promise<{ heap: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
}

/**
 * A first, short answer with math and code, then New chat: KaTeX and highlight.js load on first use,
 * once per window, so the measured stream is what every later answer costs.
 */
async function warmUp(page: Page): Promise<void> {
  fake.enqueue(
    { type: 'stream', tokens: tokenize(markdownAnswer(1)), delayMs: 0 },
    { type: 'completion', content: 'Warm-up' },
  );
  await page.getByRole('textbox', { name: 'Message' }).fill('Warm up');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('article[data-role="assistant"][data-status="done"] .hljs').waitFor();
  await page.locator('article[data-role="assistant"] .katex').first().waitFor();
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: 'New chat' })
    .click();
  await page.locator('article').first().waitFor({ state: 'detached' });
}

async function startStream(kind: Kind, page: Page): Promise<void> {
  if (kind === 'app') {
    await page.getByRole('textbox', { name: 'Message' }).fill(QUESTION);
    await page.getByRole('button', { name: 'Send' }).click();
  } else {
    await page.evaluate(
      ([q, t]) => (window as unknown as { benchAsk: (q: string, t: string) => void }).benchAsk(q, t),
      [QUESTION, token] as const,
    );
  }
}

async function streamEnded(kind: Kind, page: Page): Promise<number> {
  if (kind === 'app') {
    await page.locator('article[data-role="assistant"][data-status="done"]').waitFor({ timeout: 120_000 });
    return 0;
  }
  const done = await page.waitForFunction(() => window.benchDone, undefined, {
    timeout: 120_000,
    polling: 200,
  });
  return (await done.jsonValue()) as number;
}

async function measure(browser: Browser, kind: Kind): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  [${kind}] page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`  [${kind}] ${m.text()}`));
  if (kind === 'app') await page.goto(app.url);
  else await page.goto(`${appUrl.origin}/draw-cost/index.html?token=${token}#${kind}`);
  if (kind === 'app') await warmUp(page);
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('Performance.enable');
  const before = await heapAndNodes(cdp);
  await browser.startTracing(page, { categories: CATEGORIES });
  const t0 = performance.now();
  await startStream(kind, page);
  // From the first words on screen: the per-update path (before it: typing and sending).
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 0,
    kind === 'app' ? 'article[data-role="assistant"] .markdown' : 'body',
    { polling: 20 },
  );
  await page.evaluate((mark) => performance.mark(mark), STREAMING_MARK);
  const deltas = await streamEnded(kind, page);
  const streamMs = performance.now() - t0;
  await page.waitForTimeout(SETTLE_MS);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const after = await heapAndNodes(cdp);
  const mathNodes = await mathAndHighlightNodes(page);
  await context.close();
  return {
    cost: mainThreadCost(trace.traceEvents),
    streaming: mainThreadCost(trace.traceEvents, { fromUs: markTs(trace.traceEvents) }),
    streamMs,
    heapMB: (after.heap - before.heap) / 1024 / 1024,
    nodes: after.nodes - before.nodes,
    mathNodes,
    deltas,
  };
}

const fmt = (n: number, d = 1) => n.toFixed(d);
const row = (label: string, cells: string[]) =>
  console.log(`  ${label.padEnd(30)}${cells.map((c) => c.padStart(14)).join('')}`);

const browser = await launchChromium();
try {
  const runs = {} as Record<Kind, Run>;
  for (const kind of ['naive', 'floor', 'app'] as const) runs[kind] = await measure(browser, kind);
  const { app: q, naive: n, floor: f } = runs;
  console.log(
    `Streaming a ${answerChars.toLocaleString('en-US')}-character Markdown answer in ${chunks.length.toLocaleString('en-US')} chunks ` +
      `(${DELAY_MS} ms apart at the server; the naive page drew ${n.deltas.toLocaleString('en-US')} coalesced deltas), ` +
      `traced to ${SETTLE_MS} ms after its end:`,
  );
  row('', ['Qwen Desk', 'naive', 'ratio', 'floor', 'target']);
  const ratio = (a: number, b: number) => (b > 0 ? `${fmt(a / b, 2)}×` : '—');
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  row('stream, wall clock (s)', [
    fmt(q.streamMs / 1000),
    fmt(n.streamMs / 1000),
    '',
    fmt(f.streamMs / 1000),
    '',
  ]);
  row('main-thread busy (ms)', [
    fmt(q.cost.busyMs, 0),
    fmt(n.cost.busyMs, 0),
    ratio(q.cost.busyMs, n.cost.busyMs),
    fmt(f.cost.busyMs, 0),
    `≤ 0.15× ${verdict(q.cost.busyMs <= 0.15 * n.cost.busyMs)}`,
  ]);
  for (const cat of ['scripting', 'style', 'layout', 'paint', 'gc', 'other'] as const) {
    row(`  ${cat} (ms)`, [
      fmt(q.cost.byCategory[cat], 0),
      fmt(n.cost.byCategory[cat], 0),
      ratio(q.cost.byCategory[cat], n.cost.byCategory[cat]),
      fmt(f.cost.byCategory[cat], 0),
      '',
    ]);
  }
  row('forced sync layouts', [
    `${q.cost.forcedLayouts}`,
    `${n.cost.forcedLayouts}`,
    '',
    `${f.cost.forcedLayouts}`,
    '',
  ]);
  row('  once words are on screen', [
    `${q.streaming.forcedLayouts}`,
    `${n.streaming.forcedLayouts}`,
    '',
    `${f.streaming.forcedLayouts}`,
    `0 ${verdict(q.streaming.forcedLayouts === 0)}`,
  ]);
  row('  their time (ms)', [
    fmt(q.cost.forcedLayoutMs),
    fmt(n.cost.forcedLayoutMs),
    '',
    fmt(f.cost.forcedLayoutMs),
    '',
  ]);
  const longest = (r: Run, part: 'cost' | 'streaming' = 'cost') => {
    const tasks = r[part].longTasks;
    return tasks.length ? `${tasks.length} (${Math.max(...tasks)} ms)` : '0';
  };
  row('tasks > 50 ms (longest)', [
    longest(q),
    longest(n),
    '',
    longest(f),
    `0 ${verdict(q.cost.longTasks.length === 0)}`,
  ]);
  row('  once words are on screen', [
    longest(q, 'streaming'),
    longest(n, 'streaming'),
    '',
    longest(f, 'streaming'),
    `0 ${verdict(q.streaming.longTasks.length === 0)}`,
  ]);
  row('heap added (MB, after GC)', [
    fmt(q.heapMB, 2),
    fmt(n.heapMB, 2),
    ratio(q.heapMB, n.heapMB),
    fmt(f.heapMB, 2),
    `≤ 2× ${verdict(q.heapMB <= 2 * n.heapMB)}`,
  ]);
  row('DOM nodes added', [`${q.nodes}`, `${n.nodes}`, ratio(q.nodes, n.nodes), `${f.nodes}`, '']);
  row('  without math, highlighting', [
    `${q.nodes - q.mathNodes}`,
    `${n.nodes - n.mathNodes}`,
    ratio(q.nodes - q.mathNodes, n.nodes - n.mathNodes),
    `${f.nodes}`,
    `≤ 2× ${verdict(q.nodes - q.mathNodes <= 2 * (n.nodes - n.mathNodes))}`,
  ]);
  if (process.env.DRAWCOST_DEBUG) {
    console.log(
      '  forced layouts of Qwen Desk, by caller:',
      q.cost.forcedBy,
      'once streaming:',
      q.streaming.forcedBy,
    );
    console.log('  Qwen Desk, "other" by event:', q.cost.otherBy);
    console.log(
      `  Qwen Desk's long tasks (stream ended at ${Math.round(q.streamMs)} ms):`,
      q.cost.longTaskDetail,
    );
  }
  console.log(
    `  → the floor (one text append and one paragraph layout per update): Qwen Desk's busy time is ` +
      `${ratio(q.cost.busyMs, f.cost.busyMs)} the floor's, ${fmt(q.cost.busyMs - f.cost.busyMs, 0)} ms more over the stream`,
  );
} finally {
  await browser.close();
  await app.stop();
  await fake.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
}
