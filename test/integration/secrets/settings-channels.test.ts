/**
 * Settings and key channels through the core, as the app builds it (createAppCore on a temporary
 * data directory), against two fake DashScope servers: a change of region or base URL applies to the
 * very next request, keys are per region, and settings survive a restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../electron/core/default-core';
import type { Core } from '../../../electron/core/create-core';
import type { Result, SettingsView, KeyStatusView } from '../../../electron/contract';
import { createKeytarKeyStore } from '../../../electron/secrets/keytar-key-store';
import { FakeDashScope } from '../../fake-dashscope/server';
import { collectEvents } from '../../support/core';

const SERVICE = `Qwen Desk test channels ${process.pid}`;
const KEY_A = 'sk-server-a-00000000000000000aaaa';
const KEY_B = 'sk-server-b-00000000000000000bbbb';

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('settings and key channels', () => {
  let a: FakeDashScope;
  let b: FakeDashScope;
  const cores: Core[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-channels-'));
  // One core at a time holds the data folder (issue 9's lock): the one before is stopped first.
  const appCore = async () => {
    for (const earlier of cores.splice(0)) await earlier.dispose();
    const core = createAppCore(
      { apiKey: null, baseURL: 'https://unused.invalid', dataDir, port: 0 },
      { QWEN_DESK_KEYCHAIN_SERVICE: SERVICE },
    );
    cores.push(core);
    return core;
  };

  beforeAll(async () => {
    a = await new FakeDashScope({ validKeys: [KEY_A] }).start();
    b = await new FakeDashScope({ validKeys: [KEY_B] }).start();
  });
  afterAll(async () => {
    for (const core of cores) await core.dispose();
    await a.close();
    await b.close();
    const keychain = createKeytarKeyStore({ service: SERVICE });
    if ((await keychain.state()).available) {
      await keychain.delete('custom');
      await keychain.delete('beijing');
    }
  });

  it('applies a base URL change to the next request, without a restart', async () => {
    const core = await appCore();
    const events = collectEvents(core);
    const view = value<SettingsView>(
      await core.invoke('settings.update', { region: 'custom', customBaseURL: a.baseURL }),
    );
    expect(view.baseURL).toBe(a.baseURL);
    value<KeyStatusView>(await core.invoke('key.save', { key: KEY_A }));
    const ask = async () => {
      const { streamId } = value<{ streamId: string }>(
        await core.invoke('chat.start', { model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }] }),
      );
      return events.until(streamId);
    };
    expect((await ask()).type).toBe('done');
    expect(a.chatRequests).toHaveLength(1);

    value(await core.invoke('settings.update', { customBaseURL: b.baseURL }));
    // Same region (custom), same key, a host it was never typed for: held back (issue 9), nothing sent.
    const refused = await core.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'key_host_unconfirmed' } });
    expect(b.chatRequests).toHaveLength(0);
    value(await core.invoke('key.save', { key: KEY_B }));
    expect((await ask()).type).toBe('done');
    expect(b.chatRequests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY_B}`);
  });

  it("switches to the other region's key with the region", async () => {
    const core = await appCore();
    value(await core.invoke('settings.update', { region: 'beijing' }));
    expect(value<KeyStatusView>(await core.invoke('key.status', undefined))).toMatchObject({
      region: 'beijing',
      source: 'none',
    });
    value(await core.invoke('key.save', { key: 'sk-beijing-0000000000000000cccc' }));
    value(await core.invoke('settings.update', { region: 'hongkong' }));
    expect(value<KeyStatusView>(await core.invoke('key.status', undefined))).toMatchObject({
      region: 'hongkong',
      masked: null,
    });
    value(await core.invoke('settings.update', { region: 'beijing' }));
    expect(value<KeyStatusView>(await core.invoke('key.status', undefined))).toMatchObject({
      region: 'beijing',
      masked: 'sk-…cccc',
    });
    value(await core.invoke('key.remove', undefined));
    value(await core.invoke('settings.update', { region: 'custom' }));
  });

  it('refuses settings that are not valid, in words, and changes nothing', async () => {
    const core = await appCore();
    const bad = await core.invoke('settings.update', { customBaseURL: 'javascript:alert(1)' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!bad.ok && bad.error.message).toBe('The base URL must be a full http:// or https:// address.');
    expect((await core.invoke('settings.update', { apiKey: KEY_A })).ok).toBe(false);
    expect((await core.invoke('settings.update', { retryCount: -1 })).ok).toBe(false);
    expect((await core.invoke('key.save', { key: ' \n' })).ok).toBe(false);
    expect(value<SettingsView>(await core.invoke('settings.get', undefined)).baseURL).toBe(b.baseURL);
  });

  it('keeps settings across a restart, in the data directory, without any key', async () => {
    value(
      await (await appCore()).invoke('settings.update', { theme: 'light', language: 'zh-CN', retryCount: 5 }),
    );
    const restarted = value<SettingsView>(await (await appCore()).invoke('settings.get', undefined));
    expect(restarted.settings).toMatchObject({
      region: 'custom',
      customBaseURL: b.baseURL,
      theme: 'light',
      language: 'zh-CN',
      retryCount: 5,
    });
    // Kept in the history database's settings table; no key in that file (nor anywhere: see
    // key-stays-in-main.test.ts).
    expect(fs.existsSync(path.join(dataDir, 'settings.json'))).toBe(false);
    const db = fs.readFileSync(path.join(dataDir, 'history.sqlite3'));
    expect(db.includes(KEY_A)).toBe(false);
    expect(db.includes(KEY_B)).toBe(false);
  });
});
