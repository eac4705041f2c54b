import { describe, expect, it } from 'vitest';
import { normalizeBaseURL, readEnvConfig } from '../../../electron/core/config';
import { defaultDataDir } from '../../../electron/core/paths';
import { DEFAULT_BASE_URL } from '../../../electron/qwen/regions';

describe('readEnvConfig', () => {
  it('defaults to the Singapore compatible-mode URL and no key', () => {
    const c = readEnvConfig({}, '/data');
    expect(c).toEqual({ apiKey: null, baseURL: DEFAULT_BASE_URL, dataDir: '/data', port: 0 });
    expect(DEFAULT_BASE_URL).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
  });

  it('reads every documented variable, trimming a pasted key', () => {
    const c = readEnvConfig(
      {
        DASHSCOPE_API_KEY: '  sk-abc\n',
        DASHSCOPE_BASE_URL: 'http://127.0.0.1:9/compatible-mode/v1/',
        QWEN_DESK_DATA_DIR: '/tmp/q',
        QWEN_DESK_PORT: '4321',
      },
      '/data',
    );
    expect(c).toEqual({
      apiKey: 'sk-abc',
      baseURL: 'http://127.0.0.1:9/compatible-mode/v1',
      dataDir: '/tmp/q',
      port: 4321,
    });
  });

  it('refuses a bad port and a non-http base URL with a clear message', () => {
    expect(() => readEnvConfig({ QWEN_DESK_PORT: 'abc' }, '/d')).toThrow(/QWEN_DESK_PORT/);
    expect(() => readEnvConfig({ QWEN_DESK_PORT: '70000' }, '/d')).toThrow(/QWEN_DESK_PORT/);
    expect(() => normalizeBaseURL('file:///etc/passwd')).toThrow(/https/);
    expect(() => normalizeBaseURL('not a url')).toThrow(/not a URL/);
  });
});

describe('defaultDataDir', () => {
  it('matches Electron userData for "Qwen Desk" on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/Qwen Desk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe('/x/Qwen Desk');
    expect(defaultDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/Qwen Desk');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\Qwen Desk',
    );
  });
});
