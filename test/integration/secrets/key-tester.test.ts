/** "Test key" against the fake DashScope server, over real HTTP. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import { testKey } from '../../../electron/secrets/key-tester';
import { FakeDashScope } from '../../fake-dashscope/server';

const SINGAPORE_KEY = 'sk-singapore-000000000000000001';
const BEIJING_KEY = 'sk-beijing-0000000000000000002';

describe('testing a key', () => {
  let singapore: FakeDashScope;
  let beijing: FakeDashScope;
  let closedURL: string;
  beforeAll(async () => {
    singapore = await new FakeDashScope({ validKeys: [SINGAPORE_KEY] }).start();
    beijing = await new FakeDashScope({ validKeys: [BEIJING_KEY] }).start();
    // A port that refuses connections: listen, note it, close.
    const server = http.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    closedURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/compatible-mode/v1`;
    await new Promise((r) => server.close(r));
  });
  afterAll(async () => {
    await singapore.close();
    await beijing.close();
  });

  const target = (
    key: string,
    baseURL: string,
    others = [] as Array<{ id: 'beijing'; baseURL: string }>,
  ) => ({
    key,
    region: 'singapore' as const,
    baseURL,
    otherRegions: others,
  });

  it('valid: one cheap GET /models with the key', async () => {
    const before = singapore.requests.length;
    expect(await testKey(target(SINGAPORE_KEY, singapore.baseURL), { createQwenClient })).toEqual({
      outcome: 'valid',
      region: 'singapore',
    });
    const asked = singapore.requests.slice(before);
    expect(asked.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /compatible-mode/v1/models']);
    expect(asked[0]!.headers.authorization).toBe(`Bearer ${SINGAPORE_KEY}`);
  });

  it('rejected: the key works nowhere', async () => {
    const outcome = await testKey(
      target('sk-nothing-0000000000000000000', singapore.baseURL, [
        { id: 'beijing', baseURL: beijing.baseURL },
      ]),
      { createQwenClient },
    );
    expect(outcome).toMatchObject({ outcome: 'rejected', region: 'singapore' });
    expect(outcome.outcome === 'rejected' && outcome.detail).toContain('Incorrect API key');
  });

  it('wrong region: rejected here, accepted by another region, which is named', async () => {
    expect(
      await testKey(target(BEIJING_KEY, singapore.baseURL, [{ id: 'beijing', baseURL: beijing.baseURL }]), {
        createQwenClient,
      }),
    ).toEqual({ outcome: 'wrong_region', region: 'singapore', keyRegion: 'beijing' });
  });

  it('network error: nothing answers at the base URL', async () => {
    expect(await testKey(target(SINGAPORE_KEY, closedURL), { createQwenClient })).toMatchObject({
      outcome: 'network_error',
      region: 'singapore',
    });
  });

  it('another failure is reported in words, not as a verdict on the key', async () => {
    // An endpoint that is up but failing (a 503 for everything).
    const failing = http.createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Service unavailable', type: 'server_error', code: 'x' } }));
    });
    await new Promise<void>((r) => failing.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/compatible-mode/v1`;
    try {
      expect(await testKey(target(SINGAPORE_KEY, url), { createQwenClient })).toMatchObject({
        outcome: 'error',
        error: { message: "Qwen's servers had a problem (HTTP 503)." },
        detail: expect.stringContaining('Service unavailable'),
      });
    } finally {
      failing.closeAllConnections();
      await new Promise((r) => failing.close(r));
    }
  });
});
