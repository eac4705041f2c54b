import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../electron/shared/app-error';
import type { RegionId } from '../../../electron/qwen/regions';
import { createKeyManager } from '../../../electron/secrets/key-manager';
import { createMemoryKeyStore } from '../../../electron/secrets/key-store';

const KEY = 'sk-0123456789abcdef0123456789abcd';

function setup(options: { envKey?: string | null; keychainAvailable?: boolean } = {}) {
  let region: RegionId = 'singapore';
  const keychain = createMemoryKeyStore(
    options.keychainAvailable === false
      ? { available: false, reason: 'No Secret Service.', fix: 'Install gnome-keyring.' }
      : { available: true },
  );
  const events: string[] = [];
  const keys = createKeyManager({
    envKey: options.envKey ?? null,
    keychain,
    region: () => region,
    onEvent: (m) => events.push(m),
  });
  return { keys, keychain, events, setRegion: (r: RegionId) => (region = r) };
}

describe('key manager', () => {
  it('starts with no key and says so', async () => {
    const { keys } = setup();
    expect(await keys.getKey()).toBeNull();
    expect(await keys.status()).toEqual({
      source: 'none',
      masked: null,
      region: 'singapore',
      keychain: { available: true },
    });
  });

  it('saves a pasted key trimmed, in the keychain entry of the current region', async () => {
    const { keys, keychain } = setup();
    const status = await keys.save(`  ${KEY}\n`);
    expect(status).toMatchObject({ source: 'keychain', masked: 'sk-…abcd', region: 'singapore' });
    expect(await keychain.get('singapore')).toBe(KEY);
    expect(await keys.getKey()).toBe(KEY);
    expect(JSON.stringify(status)).not.toContain(KEY);
  });

  it('keeps one key per region: switching region switches the key', async () => {
    const { keys, setRegion } = setup();
    await keys.save(KEY);
    setRegion('beijing');
    expect(await keys.getKey()).toBeNull();
    await keys.save('sk-beijing-key-000000000000wxyz');
    expect((await keys.status()).masked).toBe('sk-…wxyz');
    setRegion('singapore');
    expect(await keys.getKey()).toBe(KEY);
  });

  it('removes the key of the current region only', async () => {
    const { keys, setRegion } = setup();
    await keys.save(KEY);
    setRegion('beijing');
    await keys.save('sk-beijing-key-000000000000wxyz');
    expect((await keys.remove()).source).toBe('none');
    setRegion('singapore');
    expect(await keys.getKey()).toBe(KEY);
  });

  it('DASHSCOPE_API_KEY wins, shows as from environment, and cannot be changed here', async () => {
    const { keys, keychain } = setup({ envKey: 'sk-from-environment-0000000000env1' });
    await keychain.set('singapore', KEY);
    expect(await keys.getKey()).toBe('sk-from-environment-0000000000env1');
    expect(await keys.status()).toMatchObject({ source: 'environment', masked: 'sk-…env1' });
    await expect(keys.save(KEY)).rejects.toThrow(/DASHSCOPE_API_KEY/);
    await expect(keys.remove()).rejects.toBeInstanceOf(AppErrorException);
    expect(await keychain.get('singapore')).toBe(KEY);
  });

  it('without a keychain keeps the key in memory and says why', async () => {
    const { keys, keychain, events } = setup({ keychainAvailable: false });
    const status = await keys.save(KEY);
    expect(status).toMatchObject({
      source: 'memory',
      masked: 'sk-…abcd',
      keychain: { available: false, reason: 'No Secret Service.', fix: 'Install gnome-keyring.' },
    });
    expect(await keys.getKey()).toBe(KEY);
    // The unusable keychain was not written to.
    expect(await keychain.get('singapore')).toBeNull();
    expect(events.join('\n')).toContain('kept in memory for this run only');
    expect(events.join('\n')).not.toContain(KEY);
  });

  it('refuses an empty or absurd key', async () => {
    const { keys } = setup();
    await expect(keys.save(' \n ')).rejects.toThrow('Paste your API key first.');
    await expect(keys.save('x'.repeat(600))).rejects.toThrow('does not look like an API key');
  });

  it('tests a typed key before the stored one, and remembers every key for redaction', async () => {
    const { keys } = setup();
    await keys.save(KEY);
    expect(await keys.resolve(' sk-typed\n')).toBe('sk-typed');
    expect(await keys.resolve('')).toBe(KEY);
    expect(keys.knownKeys()).toEqual(expect.arrayContaining([KEY, 'sk-typed']));
  });
});
