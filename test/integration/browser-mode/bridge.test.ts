import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-mode/host';
import { FakeDashScope } from '../../fake-dashscope/server';
import { buildCore } from '../../support/core';
import type { BridgeMessage } from '../../../electron/contract';

const rendererDir = path.resolve('test/integration/browser-mode/fixture-renderer');

/** Opens a WebSocket and says how it ended: 'open', or the HTTP status of the refusal. */
function tryConnect(url: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      })
      .on('error', reject);
  });
}

describe('browser-mode host', () => {
  let fake: FakeDashScope;
  let host: BrowserHost;
  let wsBase: string;
  beforeAll(async () => {
    fake = await new FakeDashScope().start();
    host = await startBrowserHost({
      core: buildCore({ apiKey: 'sk-x', baseURL: fake.baseURL }),
      rendererDir,
      port: 0,
    });
    wsBase = host.origin.replace('http', 'ws') + '/bridge';
  });
  afterAll(async () => {
    await host.close();
    await fake.close();
  });

  it('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('accepts the bridge with the token from its own origin', async () => {
    expect(await tryConnect(`${wsBase}?token=${host.token}`, { Origin: host.origin })).toBe('open');
  });

  it('refuses a connection without the token, or with a wrong one', async () => {
    expect(await tryConnect(wsBase, { Origin: host.origin })).toBe(401);
    expect(await tryConnect(`${wsBase}?token=${host.token.slice(0, -1)}x`, { Origin: host.origin })).toBe(
      401,
    );
  });

  it('refuses a foreign origin even with the right token', async () => {
    const url = `${wsBase}?token=${host.token}`;
    expect(await tryConnect(url, { Origin: 'https://evil.example' })).toBe(403);
    expect(await tryConnect(url, { Origin: 'http://localhost:1' })).toBe(403);
    expect(await tryConnect(url, {})).toBe(403);
  });

  it('refuses requests naming another host (DNS rebinding)', async () => {
    expect(
      await tryConnect(`${wsBase}?token=${host.token}`, { Origin: host.origin, Host: 'evil.example' }),
    ).toBe(404);
    expect((await get(`${host.origin}/`, { Host: 'evil.example' })).status).toBe(421);
  });

  it('serves the page with a strict CSP', async () => {
    const res = await get(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers contract calls over the bridge and streams events', async () => {
    const ws = new WebSocket(`${wsBase}?token=${host.token}`, { headers: { Origin: host.origin } });
    const messages: BridgeMessage[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(d.toString()) as BridgeMessage));
    await new Promise((r) => ws.on('open', r));
    ws.send(
      JSON.stringify({
        kind: 'invoke',
        id: 1,
        channel: 'chat.start',
        arg: { model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }] },
      }),
    );
    ws.send(
      JSON.stringify({ kind: 'invoke', id: 2, channel: 'chat.start', arg: { model: '', messages: [] } }),
    );
    await expect
      .poll(
        () => messages.some((m) => m.kind === 'event' && (m.payload as { type: string }).type === 'done'),
        { timeout: 5000 },
      )
      .toBe(true);
    const results = messages.filter((m) => m.kind === 'result');
    expect(results.find((m) => m.id === 1)?.result).toMatchObject({ ok: true });
    expect(results.find((m) => m.id === 2)?.result).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    ws.close();
  });

  it('closes a connection that sends garbage', async () => {
    const ws = new WebSocket(`${wsBase}?token=${host.token}`, { headers: { Origin: host.origin } });
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.send('{not json');
    expect(await closed).toBe(1003);
  });
});
