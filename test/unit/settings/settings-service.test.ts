import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../electron/shared/app-error';
import { regions } from '../../../electron/qwen/regions';
import { createSettingsService, defaultSettings } from '../../../electron/settings/settings-service';
import { createMemorySettingsStore } from '../../../electron/settings/settings-store';

describe('settings service', () => {
  it('starts from the defaults: Singapore, following the system language and theme', () => {
    const s = createSettingsService(createMemorySettingsStore(), { baseURLOverride: null });
    expect(s.get()).toEqual(defaultSettings);
    expect(s.baseURL()).toBe(regions[0]!.baseURL);
  });

  it('a region change applies to the next base URL read', () => {
    const s = createSettingsService(createMemorySettingsStore(), { baseURLOverride: null });
    s.update({ region: 'beijing' });
    expect(s.baseURL()).toBe('https://dashscope.aliyuncs.com/compatible-mode/v1');
    s.update({ region: 'custom', customBaseURL: 'http://127.0.0.1:9/compatible-mode/v1/' });
    expect(s.baseURL()).toBe('http://127.0.0.1:9/compatible-mode/v1');
  });

  it('Custom without a base URL refuses to send anywhere, with a clear message', () => {
    const s = createSettingsService(createMemorySettingsStore(), { baseURLOverride: null });
    s.update({ region: 'custom' });
    expect(() => s.baseURL()).toThrow('The Custom region has no base URL yet.');
    expect(s.view().baseURL).toBe('');
  });

  it('DASHSCOPE_BASE_URL overrides whatever region is chosen', () => {
    const s = createSettingsService(createMemorySettingsStore(), {
      baseURLOverride: 'http://127.0.0.1:1/v1',
    });
    s.update({ region: 'us-virginia' });
    expect(s.baseURL()).toBe('http://127.0.0.1:1/v1');
    expect(s.view().baseURLFromEnvironment).toBe(true);
  });

  it('refuses invalid values and keeps the old ones', () => {
    const store = createMemorySettingsStore();
    const s = createSettingsService(store, { baseURLOverride: null });
    expect(() => s.update({ customBaseURL: 'ftp://example.com' })).toThrow(AppErrorException);
    expect(() => s.update({ retryCount: 99 })).toThrow(AppErrorException);
    expect(store.all()).toEqual({});
  });

  it('ignores a bad stored value (a hand-edited file) and uses its default', () => {
    const s = createSettingsService(createMemorySettingsStore({ theme: 'purple', region: 'hongkong' }), {
      baseURLOverride: null,
    });
    expect(s.get().theme).toBe('system');
    expect(s.get().region).toBe('hongkong');
  });

  it('stores only the settings changed, each under its own name', () => {
    const store = createMemorySettingsStore();
    const s = createSettingsService(store, { baseURLOverride: null });
    s.update({
      language: 'zh-CN',
      theme: 'dark',
      proxy: 'http://proxy.local:8080',
      requestTimeoutSeconds: 90,
    });
    expect(store.all()).toEqual({
      language: 'zh-CN',
      theme: 'dark',
      proxy: 'http://proxy.local:8080',
      requestTimeoutSeconds: 90,
    });
  });
});
