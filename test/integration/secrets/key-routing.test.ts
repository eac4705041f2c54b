/**
 * Issue 9, bug 11: whoever can call the API (a compromised renderer, the browser-mode token holder)
 * points the base URL at their own server and asks for `key.test` or a chat. The core is built as
 * the app builds it (createAppCore on a temporary data directory); the attacker's server is a
 * recording fake DashScope on loopback. It must never see the key unless the owner confirmed the host
 * (the injected main-process dialog) or typed the key for it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../electron/core/default-core';
import type { Core } from '../../../electron/core/create-core';
import type { Result } from '../../../electron/contract';
import { createKeytarKeyStore } from '../../../electron/secrets/keytar-key-store';
import { FakeDashScope } from '../../fake-dashscope/server';
import { collectEvents } from '../../support/core';

const SERVICE = `Qwen Desk test key routing ${process.pid}`;
const ENV_KEY = 'sk-from-environment-000000000envk';
const SAVED_KEY = 'sk-saved-in-settings-0000000save';

describe('a key goes only where its owner sent it', () => {
  let legit: FakeDashScope;
  let attacker: FakeDashScope;
  const cores: Core[] = [];
  const build = (apiKey: string | null, confirmKeyHost?: (host: string) => Promise<boolean>) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-key-routing-'));
    const core = createAppCore(
      { apiKey, baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', dataDir, port: 0 },
      { QWEN_DESK_KEYCHAIN_SERVICE: SERVICE },
      confirmKeyHost ? { confirmKeyHost } : {},
    );
    cores.push(core);
    return core;
  };
  const sawKey = (server: FakeDashScope, key: string) =>
    server.requests.filter((r) => r.headers.authorization === `Bearer ${key}`).length;
  /** A chat as the UI starts it: the refusal comes back as data, either from chat.start or the stream. */
  const chat = async (core: Core): Promise<Result<unknown> | { streamEnd: unknown }> => {
    const events = collectEvents(core);
    const started = await core.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    if (!started.ok) return started;
    return { streamEnd: await events.until((started.value as { streamId: string }).streamId) };
  };
  const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

  beforeAll(async () => {
    legit = await new FakeDashScope({ validKeys: [SAVED_KEY] }).start();
    attacker = await new FakeDashScope().start();
  });
  afterAll(async () => {
    for (const core of cores) await core.dispose();
    await legit.close();
    await attacker.close();
    const keychain = createKeytarKeyStore({ service: SERVICE });
    if ((await keychain.state()).available) await keychain.delete('custom');
  });

  it('never sends DASHSCOPE_API_KEY to a custom host, even when asked to confirm', async () => {
    let asked = 0;
    const core = build(ENV_KEY, async () => (asked++, true));
    // Plain http to another machine is refused outright.
    const remote = await core.invoke('settings.update', {
      region: 'custom',
      customBaseURL: 'http://203.0.113.7/compatible-mode/v1',
    });
    expect(code(remote)).toBe('insecure_url');
    expect(
      await core.invoke('settings.update', { region: 'custom', customBaseURL: attacker.baseURL }),
    ).toMatchObject({
      ok: true,
    });
    const tested = await core.invoke('key.test', {});
    expect(code(tested)).toBe('key_host_unconfirmed');
    const chatted = await chat(core);
    if ('streamEnd' in chatted) expect(chatted.streamEnd).toMatchObject({ type: 'error' });
    else expect(code(chatted)).toBe('key_host_unconfirmed');
    expect(sawKey(attacker, ENV_KEY)).toBe(0);
    expect(asked).toBe(0);
  });

  it('holds a saved key back from a new host until the owner confirms it', async () => {
    const answers: boolean[] = [false, true];
    const hosts: string[] = [];
    const core = build(null, async (host) => (hosts.push(host), answers.shift() ?? false));
    // The owner's own set-up: Custom region, their server, the key typed for it.
    await core.invoke('settings.update', { region: 'custom', customBaseURL: legit.baseURL });
    expect(code(await core.invoke('key.save', { key: SAVED_KEY }))).toBe('ok');
    expect(await core.invoke('key.test', {})).toMatchObject({ ok: true, value: { outcome: 'valid' } });
    expect(hosts).toEqual([]); // the host the key was typed for needs no dialog

    // The attacker moves the base URL to their server: the dialog is refused, nothing is sent.
    await core.invoke('settings.update', { customBaseURL: attacker.baseURL });
    expect(code(await core.invoke('key.test', {}))).toBe('key_host_unconfirmed');
    expect(sawKey(attacker, SAVED_KEY)).toBe(0);
    expect(hosts).toEqual([new URL(attacker.baseURL).host]);

    // The owner confirms: the key goes there, and the approval is kept (no second dialog).
    expect(code(await core.invoke('key.test', {}))).toBe('ok');
    expect(sawKey(attacker, SAVED_KEY)).toBe(1);
    await chat(core);
    expect(sawKey(attacker, SAVED_KEY)).toBe(2);
    expect(hosts).toHaveLength(2);
  });

  it('in browser mode (no dialog) only the key typed again authorizes a new host', async () => {
    const core = build(null);
    const other = await new FakeDashScope({ validKeys: [SAVED_KEY] }).start();
    try {
      await core.invoke('settings.update', { region: 'custom', customBaseURL: legit.baseURL });
      expect(code(await core.invoke('key.save', { key: SAVED_KEY }))).toBe('ok');
      await core.invoke('settings.update', { customBaseURL: other.baseURL });
      const refused = await core.invoke('key.test', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'key_host_unconfirmed' } });
      const chatted = await chat(core);
      if ('streamEnd' in chatted) expect(chatted.streamEnd).toMatchObject({ type: 'error' });
      else expect(code(chatted)).toBe('key_host_unconfirmed');
      expect(sawKey(other, SAVED_KEY)).toBe(0);

      // Re-entering the key for this host is the owner's consent.
      expect(await core.invoke('key.test', { key: SAVED_KEY })).toMatchObject({
        ok: true,
        value: { outcome: 'valid' },
      });
      const after = await chat(core);
      expect(after).toMatchObject({ streamEnd: { type: 'done' } });
      expect(sawKey(other, SAVED_KEY)).toBe(2);
    } finally {
      await other.close();
    }
  });
});
