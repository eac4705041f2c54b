/**
 * Qwen requests through an HTTP(S) proxy: the Settings proxy, HTTP_PROXY / HTTPS_PROXY and
 * NO_PROXY, against a real loopback proxy (test/support/http-proxy.ts) and the fake server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../../electron/contract';
import type { EngineSettings } from '../../../electron/qwen/engine-settings';
import { FakeDashScope } from '../../fake-dashscope/server';
import { buildCore, collectEvents } from '../../support/core';
import { startTestProxy, type TestProxy } from '../../support/http-proxy';

const KEY = 'sk-proxy-test';
let fake: FakeDashScope;
let host: string;
const proxies: TestProxy[] = [];

beforeAll(async () => {
  fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  host = new URL(fake.baseURL).host;
});
afterAll(() => fake.close());
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

async function proxy(options: { requireAuth?: boolean } = {}): Promise<TestProxy> {
  const p = await startTestProxy(options);
  proxies.push(p);
  return p;
}

async function ask(options: { engine?: Partial<EngineSettings>; env?: NodeJS.ProcessEnv; baseURL?: string }) {
  const core = buildCore({
    apiKey: KEY,
    baseURL: options.baseURL ?? fake.baseURL,
    engine: { maxRetries: 0, ...options.engine },
    env: options.env ?? {},
  });
  const events = collectEvents(core);
  const r = await core.invoke('chat.start', {
    model: 'qwen-plus',
    messages: [{ role: 'user', content: 'via proxy' }],
  });
  if (!r.ok) return { start: r, end: null as ChatEvent | null, text: '' };
  const id = (r.value as { streamId: string }).streamId;
  const end = await events.until(id);
  return { start: r, end, text: events.text(id) };
}

describe('proxy', () => {
  it('goes through the proxy set in Settings', async () => {
    const p = await proxy();
    const { end, text } = await ask({ engine: { proxy: p.url } });
    expect(end).toMatchObject({ type: 'done', status: 'done' });
    expect(text).toContain('via proxy');
    expect(p.seen.some((s) => s.target.includes(host))).toBe(true);
  });

  it('honours HTTP_PROXY from the environment when Settings has none', async () => {
    const p = await proxy();
    const { end } = await ask({ env: { HTTP_PROXY: p.url } });
    expect(end).toMatchObject({ type: 'done' });
    expect(p.seen.some((s) => s.target.includes(host))).toBe(true);
  });

  it('honours HTTPS_PROXY for an https base URL (the tunnel is opened with CONNECT)', async () => {
    const p = await proxy();
    // The fake speaks plain HTTP, so the TLS handshake inside the tunnel fails: the CONNECT proves the route.
    const { end } = await ask({ env: { https_proxy: p.url }, baseURL: `https://${host}/compatible-mode/v1` });
    expect(p.seen).toContainEqual({ method: 'CONNECT', target: host });
    expect(end).toMatchObject({ type: 'error', error: { code: 'tls' } });
  });

  it('NO_PROXY sends matching hosts directly', async () => {
    const p = await proxy();
    const { end } = await ask({ engine: { proxy: p.url }, env: { NO_PROXY: '127.0.0.1' } });
    expect(end).toMatchObject({ type: 'done' });
    expect(p.seen).toEqual([]);
  });

  it('a proxy that refuses (407) is named in the message', async () => {
    const p = await proxy({ requireAuth: true });
    const { end } = await ask({ engine: { proxy: p.url } });
    expect(end).toMatchObject({
      type: 'error',
      error: {
        code: 'proxy',
        message: `The proxy ${new URL(p.url).host} refused to connect to Qwen (HTTP 407).`,
        action: 'Check the proxy address (and its login) in Settings.',
      },
    });
  });

  it('an unreachable proxy is a refused connection that mentions the proxy', async () => {
    const p = await proxy();
    const url = p.url;
    await p.close();
    proxies.length = 0;
    const { end } = await ask({ engine: { proxy: url } });
    expect(end).toMatchObject({
      type: 'error',
      error: {
        code: 'network',
        message: `Could not connect to ${host} or the proxy ${new URL(url).host}: the connection was refused.`,
      },
    });
  });

  it('a malformed proxy setting is refused before any request', async () => {
    const before = fake.requests.length;
    const { start } = await ask({ engine: { proxy: 'socks5://127.0.0.1:1080' } });
    expect(start).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'The proxy "socks5://127.0.0.1:1080" is not an http:// or https:// address.',
      },
    });
    expect(fake.requests.length).toBe(before);
  });
});
