/**
 * The key store against a real keychain: on Linux, the GNOME Keyring that `npm test` starts in its
 * own D-Bus session (scripts/test.mjs). Run alone without a Secret Service, these tests are skipped
 * and say why; under `npm test` (QWEN_DESK_TEST_KEYCHAIN=1) an unusable keychain is a failure.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createKeytarKeyStore } from '../../../electron/secrets/keytar-key-store';
import { createKeyManager } from '../../../electron/secrets/key-manager';
import type { RegionId } from '../../../electron/qwen/regions';

const SERVICE = `Qwen Desk test keychain ${process.pid}`;
const store = createKeytarKeyStore({ service: SERVICE });
const state = await store.state();
const required = process.env.QWEN_DESK_TEST_KEYCHAIN === '1';
const skipReason = state.available ? null : `no usable keychain here (${state.reason}); run "npm test"`;
if (skipReason && !required) console.warn(`Keychain tests skipped: ${skipReason}`);

describe.skipIf(!!skipReason && !required)('keychain (keytar, real Secret Service)', () => {
  afterAll(async () => {
    for (const account of ['singapore', 'beijing', 'us-virginia'])
      await store.delete(account).catch(() => false);
  });

  it('is available under the test command', () => {
    expect(state).toEqual({ available: true });
  });

  it('saves, reads and deletes a key per region', async () => {
    await store.set('singapore', 'sk-singapore-0000000000000001');
    await store.set('beijing', 'sk-beijing-00000000000000002');
    expect(await store.get('singapore')).toBe('sk-singapore-0000000000000001');
    expect(await store.get('beijing')).toBe('sk-beijing-00000000000000002');
    expect(await store.delete('singapore')).toBe(true);
    expect(await store.get('singapore')).toBeNull();
    expect(await store.delete('singapore')).toBe(false);
    expect(await store.get('beijing')).toBe('sk-beijing-00000000000000002');
  });

  it('a saved key survives the app: a new store (a restart) reads it back', async () => {
    let region: RegionId = 'us-virginia';
    const first = createKeyManager({ envKey: null, keychain: store, region: () => region });
    expect(await first.save(' sk-survives-restart-000000000abcd \n')).toMatchObject({
      source: 'keychain',
      masked: 'sk-…abcd',
      region: 'us-virginia',
    });
    const restarted = createKeyManager({
      envKey: null,
      keychain: createKeytarKeyStore({ service: SERVICE }),
      region: () => region,
    });
    expect(await restarted.getKey()).toBe('sk-survives-restart-000000000abcd');
    region = 'hongkong';
    expect((await restarted.status()).source).toBe('none');
  });
});

describe('keychain module that cannot be loaded', () => {
  it('is the "no keychain" path, saying why and how to fix it', async () => {
    const broken = createKeytarKeyStore({
      service: SERVICE,
      platform: 'linux',
      load: () => Promise.reject(new Error("Cannot find module 'keytar'")),
    });
    const s = await broken.state();
    expect(s).toMatchObject({ available: false });
    if (s.available) return;
    expect(s.reason).toContain("Cannot find module 'keytar'");
    expect(s.fix).toContain('libsecret');
    const keys = createKeyManager({ envKey: null, keychain: broken, region: () => 'singapore' });
    expect(await keys.save('sk-memory-only-0000000000001234')).toMatchObject({ source: 'memory' });
    expect(await keys.getKey()).toBe('sk-memory-only-0000000000001234');
  });
});
