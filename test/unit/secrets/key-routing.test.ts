import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../electron/shared/app-error';
import { createKeyRouting, isLoopbackHost, keyHostOf } from '../../../electron/secrets/key-routing';
import { createMemorySettingsStore } from '../../../electron/settings/settings-store';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof AppErrorException ? err.appError.code : 'other';
  }
  return 'ok';
};

describe('key routing', () => {
  it('allows plain http only to loopback', () => {
    for (const h of ['127.0.0.1', '127.5.6.7', 'localhost', '[::1]', 'LOCALHOST'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['10.0.0.1', '128.0.0.1', 'localhost.evil.com', '127.0.0.1.nip.io', '[::2]']) {
      expect(isLoopbackHost(h)).toBe(false);
    }
    expect(keyHostOf('http://127.0.0.1:8080/v1')).toBe('127.0.0.1:8080');
    expect(keyHostOf('https://example.com/v1')).toBe('example.com');
    expect(codeOf(() => keyHostOf('http://example.com/v1'))).toBe('insecure_url');
    expect(codeOf(() => keyHostOf('ftp://127.0.0.1/'))).toBe('insecure_url');
    expect(codeOf(() => keyHostOf('not a url'))).toBe('invalid_argument');
  });

  it('keeps approvals per key, as a fingerprint only', async () => {
    const store = createMemorySettingsStore();
    const routing = createKeyRouting({ overrideBaseURL: null, store });
    const how = { typed: false, fromEnvironment: false };
    await expect(routing.authorize('sk-a', 'https://evil.example/v1', how)).rejects.toMatchObject({
      appError: { code: 'key_host_unconfirmed' },
    });
    await routing.authorize('sk-a', 'https://mine.example/v1', { ...how, typed: true });
    await routing.authorize('sk-a', 'https://mine.example/v1', how);
    await expect(routing.authorize('sk-b', 'https://mine.example/v1', how)).rejects.toBeInstanceOf(
      AppErrorException,
    );
    await routing.authorize('sk-b', 'https://dashscope.aliyuncs.com/compatible-mode/v1', how);
    expect(JSON.stringify(store.all())).not.toContain('sk-a');
  });
});
