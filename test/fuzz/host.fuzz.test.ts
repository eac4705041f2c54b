/**
 * Issue 9, item 5 (host): random bytes, malformed HTTP requests, random WebSocket frames after a
 * valid handshake and random JSON requests at browser mode's host, each kind for a fixed time, then
 * the host must still serve the page and answer a bridge call. Figures are printed for the README.
 */
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-mode/host';
import { channelNames, type BridgeMessage } from '../../electron/contract';
import { buildCore } from '../support/core';
import { closedWithin, rawBridge, rawExchange, wsFrame } from '../support/raw-http';

const rendererDir = path.resolve('test/integration/browser-mode/fixture-renderer');
/** Per kind of input; four kinds, so about 12 s in all. */
const TIME_LIMIT_MS = 3000;
const figures = { cases: 0, connections: 0, bytes: 0 };

const printable = fc.string({ unit: 'binary-ascii', maxLength: 40 });
const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);

describe('browser-mode host under fuzzing', () => {
  let host: BrowserHost;
  let port: number;
  beforeAll(async () => {
    host = await startBrowserHost({
      core: buildCore({ apiKey: 'sk-fuzz', baseURL: 'http://127.0.0.1:9/compatible-mode/v1' }),
      rendererDir,
      port: 0,
    });
    port = Number(new URL(host.origin).port);
  });
  afterAll(async () => {
    await host.close();
    console.log(
      `host fuzz: ${figures.cases} cases, ${figures.connections} connections, ` +
        `${(figures.bytes / 1e6).toFixed(2)} MB sent`,
    );
  });

  const send = async (data: Buffer | string) => {
    figures.cases++;
    figures.connections++;
    figures.bytes += Buffer.byteLength(data);
    await rawExchange(port, data, 300);
  };
  const run = <T>(arb: fc.Arbitrary<T>, body: (value: T) => Promise<void>) =>
    fc.assert(
      fc.asyncProperty(arb, async (v) => {
        await body(v);
      }),
      { numRuns: 1_000_000, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, seed: 9 },
    );

  it('random bytes', async () => {
    await run(fc.uint8Array({ maxLength: 2048 }), (bytes) => send(Buffer.from(bytes)));
  });

  it('malformed HTTP requests', async () => {
    const request = fc.record({
      method: fc.oneof(fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'OPTIONS', 'CONNECT'), token, printable),
      target: fc.oneof(
        fc.constantFrom('/', '*', '//x', 'http://x:99999/', '/bridge', '/bridge/import', '/%', '/%zz/..%2f'),
        printable.map((s) => `/${s}`),
        fc.webUrl(),
        fc.nat({ max: 20_000 }).map((n) => `/${'a'.repeat(n)}`),
      ),
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/9.9', ''),
      host: fc.boolean(),
      headers: fc.array(fc.tuple(fc.oneof(token, printable), printable), { maxLength: 6 }),
      body: fc.oneof(fc.constant(''), printable),
    });
    await run(request, (r) => {
      const lines = [`${r.method} ${r.target} ${r.version}`];
      if (r.host) lines.push(`Host: 127.0.0.1:${port}`);
      for (const [name, value] of r.headers) lines.push(`${name}: ${value}`);
      return send(`${lines.join('\r\n')}\r\n\r\n${r.body}`);
    });
  });

  it('random WebSocket frames after a valid handshake', async () => {
    const frame = fc.record({
      opcode: fc.oneof(fc.constantFrom(1, 2, 8, 9, 10, 0), fc.nat({ max: 15 })),
      fin: fc.boolean(),
      rsv: fc.oneof(fc.constant(0), fc.nat({ max: 7 })),
      mask: fc.oneof(fc.constant(true), fc.boolean()),
      payload: fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.json().map((s) => new TextEncoder().encode(s)),
      ),
      declaredLength: fc.option(fc.oneof(fc.nat({ max: 300 }), fc.constant(2 ** 40)), { nil: undefined }),
    });
    await run(fc.array(frame, { minLength: 1, maxLength: 5 }), async (frames) => {
      const socket = await rawBridge(port, host.token, host.origin);
      socket.on('error', () => undefined);
      figures.cases++;
      figures.connections++;
      for (const f of frames) {
        const bytes = wsFrame(Buffer.from(f.payload), f);
        figures.bytes += bytes.length;
        socket.write(bytes);
      }
      await closedWithin(socket, 50);
      socket.destroy();
    });
  });

  it('random JSON requests over the bridge', async () => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, {
      headers: { Origin: host.origin },
    });
    await new Promise((resolve) => ws.on('open', resolve));
    figures.connections++;
    const results = new Map<number, () => void>();
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as BridgeMessage;
      if (m.kind === 'result') results.get(m.id)?.();
    });
    // Channels that would touch the keychain or the network are sent too: the key source is the
    // environment's and the base URL a closed loopback port.
    const request = fc.record({
      kind: fc.constant('invoke'),
      id: fc.nat(),
      channel: fc.oneof(fc.constantFrom(...channelNames), fc.string({ maxLength: 20 })),
      arg: fc.jsonValue({ maxDepth: 3 }),
    });
    let id = 1_000_000;
    await run(request, async (r) => {
      const message = JSON.stringify({ ...r, id: ++id });
      figures.cases++;
      figures.bytes += Buffer.byteLength(message);
      const answered = new Promise<void>((resolve) => {
        results.set(id, resolve);
        setTimeout(resolve, 500);
      });
      ws.send(message);
      await answered;
      results.delete(id);
    });
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('still serves the page and answers a bridge call', async () => {
    const status = await new Promise<number>((resolve, reject) =>
      http.get(`${host.origin}/`, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject),
    );
    expect(status).toBe(200);
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, {
      headers: { Origin: host.origin },
    });
    await new Promise((resolve) => ws.on('open', resolve));
    const answer = new Promise<BridgeMessage>((resolve) =>
      ws.on('message', (d) => resolve(JSON.parse(d.toString()))),
    );
    ws.send(JSON.stringify({ kind: 'invoke', id: 1, channel: 'models.list' }));
    expect(await answer).toMatchObject({ kind: 'result', id: 1, result: { ok: true } });
    ws.close();
  });
});
