import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, DEFAULT_REGION, regions } from '../../../electron/qwen/regions';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  resolveEngineSettings,
} from '../../../electron/qwen/engine-settings';

describe('regions', () => {
  it('lists Singapore (default), US (Virginia), Beijing, Hong Kong and custom with the reference URLs', () => {
    expect(regions.map((r) => [r.id, r.baseURL])).toEqual([
      ['singapore', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1'],
      ['us-virginia', 'https://dashscope-us.aliyuncs.com/compatible-mode/v1'],
      ['beijing', 'https://dashscope.aliyuncs.com/compatible-mode/v1'],
      ['hongkong', 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1'],
      ['custom', null],
    ]);
    expect(DEFAULT_REGION).toBe('singapore');
    expect(DEFAULT_BASE_URL).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
  });
});

describe('resolveEngineSettings', () => {
  const env = 'https://env.example/compatible-mode/v1';
  it('defaults suit thinking models: minutes, not seconds', () => {
    expect(resolveEngineSettings(undefined, env)).toEqual({
      regionName: 'custom, env.example',
      knownRegion: false,
      baseURL: env,
      proxy: null,
      connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
      idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
      maxRetries: DEFAULT_MAX_RETRIES,
      // Issue 13: Automatic protocol, explicit context cache on.
      protocol: 'auto',
      contextCache: true,
    });
    expect(DEFAULT_IDLE_TIMEOUT_MS).toBeGreaterThanOrEqual(120_000);
    expect(DEFAULT_CONNECT_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000);
  });
  it("takes a region's URL and name; the fallback URL of a known region is named too", () => {
    expect(resolveEngineSettings({ region: 'beijing' }, env)).toMatchObject({
      baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
      regionName: 'China (Beijing)',
    });
    expect(resolveEngineSettings(undefined, DEFAULT_BASE_URL).regionName).toBe('Singapore');
  });
  it('uses the custom URL for the custom region, and the fallback when it is empty', () => {
    expect(resolveEngineSettings({ region: 'custom', baseURL: 'http://127.0.0.1:9/v1/' }, env)).toMatchObject(
      {
        baseURL: 'http://127.0.0.1:9/v1',
        regionName: 'custom, 127.0.0.1:9',
      },
    );
    expect(resolveEngineSettings({ region: 'custom', baseURL: '' }, env).baseURL).toBe(env);
  });
  it('ignores nonsense numbers', () => {
    expect(
      resolveEngineSettings({ idleTimeoutMs: -5, maxRetries: Number.NaN, connectTimeoutMs: 0 }, env),
    ).toMatchObject({
      idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
      maxRetries: DEFAULT_MAX_RETRIES,
      connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
    });
    expect(resolveEngineSettings({ idleTimeoutMs: 0, maxRetries: 0 }, env)).toMatchObject({
      idleTimeoutMs: 0,
      maxRetries: 0,
    });
  });
});
