/**
 * The chat window in real Chromium (playwright-core):
 *  1. streaming a 20,000-token Markdown answer (headings, code, tables, math) at 200 tokens/s, one
 *     update per frame as the engine coalesces: long tasks over 50 ms and scripting time as a share
 *     of the stream, for the app's renderer and for a naive one (react-markdown re-parsing the
 *     whole message per chunk), in the same run;
 *  2. opening a 10,000-message conversation: time to the first paint of the newest messages, and
 *     the page's DOM node count;
 *  3. the main window's initial JavaScript, gzipped (from the production build in dist/renderer).
 * The bench page (test/bench/chat-window-fixture) is served with the app's real CSP.
 * BENCH_FAST=1 streams at 2,000 tokens/s instead (10× shorter; the figures then are not the target's).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { tokenize } from '../fake-dashscope/server';
import { markdownAnswer } from './support/markdown-answer';
import { launchChromium } from '../support/chromium';
import { contentSecurityPolicy } from '../../electron/security/csp';

const TOKENS = 20_000;
const RATE = process.env.BENCH_FAST ? 2000 : 200;
const MESSAGES = 10_000;

// ---- 3. Initial JS of the main window ------------------------------------------------------------
function initialJs(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const dir = 'dist/renderer';
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of files) {
    const data = fs.readFileSync(path.join(dir, f));
    rawBytes += data.length;
    gzipBytes += zlib.gzipSync(data, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

// ---- The answer: headings, prose, code, tables, math ---------------------------------------------
const longAnswer = (): string[] => tokenize(markdownAnswer(TOKENS * 5)).slice(0, TOKENS);

// ---- Build and serve the bench page ------------------------------------------------------------
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-bench-'));
await build({
  root: path.resolve('test/bench/chat-window-fixture'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  // The bench page bundles KaTeX and react-markdown together; its chunk size is not a concern.
  build: { outDir, emptyOutDir: true, target: 'chrome130', chunkSizeWarningLimit: 5000 },
});
const csp = contentSecurityPolicy();
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const file = path.join(outDir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
  if (!file.startsWith(outDir) || !fs.existsSync(file)) return void res.writeHead(404).end();
  const type = file.endsWith('.js')
    ? 'text/javascript'
    : file.endsWith('.css')
      ? 'text/css'
      : file.endsWith('.html')
        ? 'text/html'
        : file.endsWith('.woff2')
          ? 'font/woff2'
          : 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'content-security-policy': csp });
  fs.createReadStream(file).pipe(res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const browser = await launchChromium();
const fmt = (n: number, d = 1) => n.toFixed(d);
try {
  const tokens = longAnswer();
  const chars = tokens.join('').length;
  console.log(
    `Streaming ${TOKENS.toLocaleString('en-US')} tokens (${chars.toLocaleString('en-US')} characters) at ${RATE} tokens/s, one update per frame:`,
  );
  const results: Record<string, { script: number; share: number; long: number[] }> = {};
  for (const kind of ['optimized', 'naive'] as const) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const violations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    await page.goto(base);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name: string) =>
      ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    const script0 = await metric('ScriptDuration');
    const task0 = await metric('TaskDuration');
    const layout0 = await metric('LayoutDuration');
    const style0 = await metric('RecalcStyleDuration');
    const r = await page.evaluate(([k, t, rate]) => window.bench.stream(k, t, rate), [
      kind,
      tokens,
      RATE,
    ] as const);
    const script = (await metric('ScriptDuration')) - script0;
    const task = (await metric('TaskDuration')) - task0;
    const layout = (await metric('LayoutDuration')) - layout0;
    const style = (await metric('RecalcStyleDuration')) - style0;
    results[kind] = { script, share: script / r.ms, long: r.longTasks };
    const label = kind === 'optimized' ? 'Qwen Desk (block-memoized)' : 'naive (react-markdown per chunk)';
    console.log(
      `  ${label.padEnd(34)} stream ${fmt(r.ms / 1000)} s, ${r.updates} updates; scripting ${fmt(script)} ms ` +
        `= ${fmt((script / r.ms) * 100, 2)} % of the stream; main-thread busy ${fmt(task)} ms ` +
        `(layout ${fmt(layout)} ms, style ${fmt(style)} ms); ` +
        `long tasks > 50 ms: ${r.longTasks.length}${r.longTasks.length ? ` (longest ${Math.max(...r.longTasks)} ms, total ${r.longTasks.reduce((a, b) => a + b, 0)} ms)` : ''}` +
        (violations.length ? `; CSP violations: ${violations.length}` : ''),
    );
    await page.close();
  }
  console.log(
    `  → the naive renderer spends ${fmt(results.naive!.script / results.optimized!.script)}× the scripting time (target ≥ 5×)`,
  );

  console.log(`\nOpening a ${MESSAGES.toLocaleString('en-US')}-message conversation (virtualized list):`);
  const opens: Array<{ firstPaintMs: number; domNodes: number; articles: number; newestVisible: boolean }> =
    [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(base);
    opens.push(await page.evaluate((n) => window.bench.open(n), MESSAGES));
    await page.close();
  }
  const paints = opens.map((o) => o.firstPaintMs).sort((a, b) => a - b);
  const last = opens.at(-1)!;
  console.log(
    `  first paint of the newest messages: median ${fmt(paints[2]!)} ms (runs: ${paints.map((p) => fmt(p)).join(', ')}; target < 150 ms); ` +
      `newest message on screen: ${opens.every((o) => o.newestVisible) ? 'yes' : 'NO'}`,
  );
  console.log(
    `  DOM: ${last.domNodes} elements in the page, ${last.articles} of ${MESSAGES.toLocaleString('en-US')} messages rendered`,
  );

  const js = initialJs();
  console.log(
    `\nInitial JavaScript of the main window (dist/renderer, ${js.files.length} file${js.files.length === 1 ? '' : 's'}): ` +
      `${fmt(js.gzipBytes / 1024)} KB gzipped (${fmt(js.rawBytes / 1024)} KB raw; target ≤ 250 KB)`,
  );
} finally {
  await browser.close();
  server.close();
  fs.rmSync(outDir, { recursive: true, force: true });
}
