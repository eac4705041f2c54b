/**
 * Proof that the API key stays in the main process: a whole session over browser mode's bridge
 * (save key, test key, chat, an error, a wrong key, remove key), every frame recorded. The key goes
 * from the page to main when the user pastes it (key.save / key.test) and nowhere else: no frame
 * from main carries it, and no file in the data directory holds it (settings, log, anything).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-mode/host';
import { createAppCore } from '../../../electron/core/default-core';
import type { Core } from '../../../electron/core/create-core';
import type { BridgeMessage, ChatEvent } from '../../../electron/contract';
import { createKeytarKeyStore } from '../../../electron/secrets/keytar-key-store';
import { FakeDashScope } from '../../fake-dashscope/server';

const KEY = 'sk-stays-in-main-4c2f9a81d7e6b035';
const WRONG_KEY = 'sk-wrong-key-0000000000000000wxyz';
const SERVICE = `Qwen Desk test bridge ${process.pid}`;

/** A bridge client that records every frame it sends and receives. */
async function recordingClient(host: BrowserHost) {
  const sent: string[] = [];
  const received: string[] = [];
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, {
    headers: { Origin: host.origin },
  });
  await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    received.push(data.toString());
    waiters.forEach((w) => w());
  });
  let nextId = 1;
  const parsed = () => received.map((r) => JSON.parse(r) as BridgeMessage);
  const until = async (found: () => boolean) => {
    while (!found()) await new Promise<void>((r) => waiters.add(r));
  };
  return {
    sent,
    received,
    // The raw bridge: results of several channels, read loosely as the page would read JSON.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async invoke(channel: string, arg?: unknown): Promise<{ ok: boolean; value?: any; error?: any }> {
      const id = nextId++;
      const frame = JSON.stringify({ kind: 'invoke', id, channel, arg });
      sent.push(frame);
      ws.send(frame);
      const match = () => parsed().find((m) => m.kind === 'result' && m.id === id);
      await until(() => !!match());
      return (match() as Extract<BridgeMessage, { kind: 'result' }>).result as never;
    },
    async streamEnd(streamId: string): Promise<ChatEvent> {
      const end = () =>
        parsed()
          .filter((m): m is Extract<BridgeMessage, { kind: 'event' }> => m.kind === 'event')
          .map((m) => m.payload as ChatEvent)
          .find((e) => e.streamId === streamId && (e.type === 'done' || e.type === 'error'));
      await until(() => !!end());
      return end()!;
    },
    close: () => ws.close(),
  };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the API key never leaves the main process', () => {
  let fake: FakeDashScope;
  let core: Core;
  let host: BrowserHost;
  let dataDir: string;

  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-proof-'));
    const env = { DASHSCOPE_BASE_URL: fake.baseURL, QWEN_DESK_KEYCHAIN_SERVICE: SERVICE };
    core = createAppCore({ apiKey: null, baseURL: fake.baseURL, dataDir, port: 0 }, env);
    host = await startBrowserHost({ core, rendererDir: dataDir, port: 0 });
  });
  afterAll(async () => {
    await host?.close();
    await core?.dispose();
    await fake?.close();
    // Whatever the session left in the (test) keychain goes.
    const keychain = createKeytarKeyStore({ service: SERVICE });
    if ((await keychain.state()).available) await keychain.delete('singapore');
  });

  it('over a full session, and in no file under the data directory', async () => {
    const client = await recordingClient(host);

    expect((await client.invoke('key.status')).value).toMatchObject({ source: 'none', masked: null });
    await client.invoke('settings.update', { theme: 'dark', retryCount: 3 });

    const saved = await client.invoke('key.save', { key: `${KEY}\n` });
    expect(saved.ok).toBe(true);
    expect(saved.value.masked).toBe('sk-…b035');
    // Under `npm test` a real keychain is running; run alone without one, the memory path is proven.
    expect(saved.value.source).toBe(process.env.QWEN_DESK_TEST_KEYCHAIN === '1' ? 'keychain' : 'memory');

    expect((await client.invoke('key.test', {})).value).toMatchObject({
      outcome: 'valid',
      region: 'singapore',
    });

    const chat = await client.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(chat.ok).toBe(true);
    expect((await client.streamEnd(chat.value.streamId)).type).toBe('done');
    expect(fake.chatRequests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);

    // A 400: a 500 would be retried (retryCount 3, issue 3) and end in the default answer.
    fake.enqueue({
      type: 'error',
      status: 400,
      error: {
        message: 'Range of input length should be [1, 129024]',
        type: 'invalid_request_error',
        code: 'invalid_parameter_error',
      },
    });
    const failing = await client.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'Fail please' }],
    });
    expect((await client.streamEnd(failing.value.streamId)).type).toBe('error');

    const wrong = await client.invoke('key.test', { key: WRONG_KEY });
    expect(wrong.value).toMatchObject({ outcome: 'rejected' });

    expect((await client.invoke('key.remove')).value).toMatchObject({ source: 'none', masked: null });
    const noKey = await client.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'Still there?' }],
    });
    expect(noKey.error.code).toBe('no_api_key');
    client.close();

    // From main to the page: never the key, nor the wrong one, in any result or event.
    expect(client.received.length).toBeGreaterThan(10);
    for (const frame of client.received) {
      expect(frame).not.toContain(KEY);
      expect(frame).not.toContain(WRONG_KEY);
      expect(frame).not.toContain(KEY.slice(3, -4));
    }
    // From the page to main: only where the user hands a key over.
    const carrying = client.sent.filter((f) => f.includes(KEY) || f.includes(WRONG_KEY));
    expect(carrying.map((f) => (JSON.parse(f) as { channel: string }).channel)).toEqual([
      'key.save',
      'key.test',
    ]);

    // The data directory: history (with settings) and the log were written, and none of it holds a key.
    await core.dispose();
    const files = filesUnder(dataDir);
    expect(files.map((f) => path.relative(dataDir, f)).sort()).toEqual(
      expect.arrayContaining(['history.sqlite3', path.join('logs', 'qwen-desk.log')]),
    );
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'qwen-desk.log'), 'utf8');
    expect(log).toContain('Qwen refused the request. (Range of input length');
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(KEY), file).toBe(false);
      expect(bytes.includes(WRONG_KEY), file).toBe(false);
    }
  });
});
