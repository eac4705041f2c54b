/**
 * The core's streaming path against the bare `openai` SDK, on the same fake stream: a 20,000-token
 * answer sent as fast as the loopback server can (issue 3 §11), on both transports (issue 13, item
 * 7): the compatible one and DashScope's native one, each in its own "main process".
 *
 * - direct: this process consumes the stream with the `openai` SDK.
 * - core: "the main process" (a child: the core behind browser mode's WebSocket bridge) streams it,
 *   coalesces the deltas and sends them as bridge events to a client in this process, which parses
 *   them as the renderer does. Timed from sending `chat.start` to the `done` event.
 * The fake server runs in a third process, so neither side pays for it. The main process's CPU time
 * is its own (process.cpuUsage inside it), per 1,000 tokens. Medians over BENCH_RUNS runs each.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import OpenAI from 'openai';
import WebSocket from 'ws';
import type { BridgeMessage, ChatEvent } from '../../electron/contract';
import { benchTokens } from './support/tokens';

const TOKENS = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const expected = benchTokens(TOKENS).join('');

interface Child {
  proc: ChildProcess;
  lines: AsyncIterator<string>;
}
function child(script: string, args: string[] = [], env: Record<string, string> = {}): Child {
  const proc = spawn(
    process.execPath,
    [...process.execArgv, new URL(script, import.meta.url).pathname, ...args],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  const lines = readline.createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  return { proc, lines };
}
async function nextJson<T>(c: Child): Promise<T> {
  const { value, done } = await c.lines.next();
  if (done) throw new Error('a benchmark process ended early');
  return JSON.parse(value as string) as T;
}

const server = child('./support/fake-server-process.ts', [], { BENCH_TOKENS: String(TOKENS) });
const { baseURL } = await nextJson<{ baseURL: string }>(server);
const main = child('./support/core-host-process.ts', [baseURL, 'compatible']);
const nativeMain = child('./support/core-host-process.ts', [baseURL, 'native']);

const sdk = new OpenAI({ apiKey: 'sk-bench', baseURL, maxRetries: 0 });
async function direct(): Promise<{ first: number; total: number }> {
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
  if (text !== expected) throw new Error('direct: text mismatch');
  return { first, total: performance.now() - t0 };
}

/** A bridge client of one "main process", parsing events as the renderer does. */
async function bridgeClient(host: Child) {
  const { origin, token } = await nextJson<{ origin: string; token: string }>(host);
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/bridge?token=${token}`, { origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let onMessage: (m: BridgeMessage) => void = () => undefined;
  ws.on('message', (data) => onMessage(JSON.parse(data.toString()) as BridgeMessage));
  let nextId = 1;

  async function run(): Promise<{ first: number; total: number; events: number }> {
    let first = 0;
    let text = '';
    let events = 0;
    let t0 = 0;
    const done = new Promise<number>((resolve, reject) => {
      onMessage = (m) => {
        if (m.kind === 'result') {
          if (!m.result.ok) reject(new Error(m.result.error.message));
          return;
        }
        const e = m.payload as ChatEvent;
        if (e.type === 'delta') {
          if (!first) first = performance.now() - t0;
          text += e.content;
          events++;
        } else if (e.type === 'done') resolve(performance.now() - t0);
        else if (e.type === 'error') reject(new Error(e.error.message));
      };
    });
    t0 = performance.now();
    ws.send(
      JSON.stringify({
        kind: 'invoke',
        id: nextId++,
        channel: 'chat.start',
        arg: { model: 'qwen-plus', messages: [{ role: 'user', content: 'bench' }] },
      }),
    );
    const total = await done;
    if (text !== expected) throw new Error('core: text mismatch');
    return { first, total, events };
  }
  return { ws, run };
}
const compatibleClient = await bridgeClient(main);
const nativeClient = await bridgeClient(nativeMain);
const viaCore = compatibleClient.run;
const viaNative = nativeClient.run;

async function mainCpuMs(host: Child = main): Promise<number> {
  host.proc.stdin!.write('cpu\n');
  const { cpu } = await nextJson<{ cpu: { user: number; system: number } }>(host);
  return (cpu.user + cpu.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Warm-up: JIT, connection pools.
for (let i = 0; i < 2; i++) {
  await direct();
  await viaCore();
  await viaNative();
}
const d: Array<{ first: number; total: number }> = [];
const c: Array<{ first: number; total: number; events: number }> = [];
let mainCpu = 0;
let directCpu = 0;
const runDirect = async () => {
  const before = process.cpuUsage();
  d.push(await direct());
  const used = process.cpuUsage(before);
  directCpu += (used.user + used.system) / 1000;
};
const runCore = async () => {
  const cpu0 = await mainCpuMs();
  c.push(await viaCore());
  mainCpu += (await mainCpuMs()) - cpu0;
};
const n: Array<{ first: number; total: number; events: number }> = [];
let nativeCpu = 0;
const runNative = async () => {
  const cpu0 = await mainCpuMs(nativeMain);
  n.push(await viaNative());
  nativeCpu += (await mainCpuMs(nativeMain)) - cpu0;
};
// Alternate which goes first, so neither always runs on a warmer machine.
for (let i = 0; i < RUNS; i++) {
  if (i % 2) {
    await runDirect();
    await runCore();
    await runNative();
  } else {
    await runNative();
    await runCore();
    await runDirect();
  }
}

const dFirst = median(d.map((x) => x.first));
const dTotal = median(d.map((x) => x.total));
const cFirst = median(c.map((x) => x.first));
const cTotal = median(c.map((x) => x.total));
const perK = (ms: number) => (ms / ((RUNS * TOKENS) / 1000)).toFixed(3);
console.log(`stream of ${TOKENS} tokens as fast as the server can, ${RUNS} runs each (medians):`);
console.log(
  `  direct openai SDK        : first token ${dFirst.toFixed(2)} ms, total ${dTotal.toFixed(1)} ms`,
);
console.log(
  `  core → bridge client     : first token ${cFirst.toFixed(2)} ms, total ${cTotal.toFixed(1)} ms, ${median(c.map((x) => x.events))} coalesced events`,
);
console.log(`  total ratio core/direct  : ${(cTotal / dTotal).toFixed(3)}x (target ≤ 1.05x)`);
console.log(`  first-token difference   : ${(cFirst - dFirst).toFixed(2)} ms (target ≤ 2 ms)`);
console.log(
  `  main-process CPU         : ${perK(mainCpu)} ms per 1,000 tokens (core + bridge, its own process)`,
);
console.log(`  direct SDK process CPU   : ${perK(directCpu)} ms per 1,000 tokens (for comparison)`);
const nFirst = median(n.map((x) => x.first));
const nTotal = median(n.map((x) => x.total));
console.log('DashScope native transport, the same stream in native framing:');
console.log(
  `  core (native) → client   : first token ${nFirst.toFixed(2)} ms, total ${nTotal.toFixed(1)} ms, ${median(n.map((x) => x.events))} coalesced events`,
);
console.log(`  total ratio native/direct: ${(nTotal / dTotal).toFixed(3)}x`);
console.log(`  native/compatible        : ${(nTotal / cTotal).toFixed(3)}x (target ≤ 1.05x)`);
console.log(`  first-token difference   : ${(nFirst - dFirst).toFixed(2)} ms vs the SDK`);
console.log(`  main-process CPU         : ${perK(nativeCpu)} ms per 1,000 tokens (native)`);

compatibleClient.ws.close();
nativeClient.ws.close();
nativeMain.proc.kill('SIGTERM');
main.proc.kill('SIGTERM');
server.proc.kill('SIGTERM');
