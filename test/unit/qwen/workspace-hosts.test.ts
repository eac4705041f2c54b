import { describe, expect, it } from 'vitest';
import { workspaceBaseURL } from '../../../electron/qwen/regions';
import { nativeBaseURL } from '../../../electron/qwen/native-client';
import { createSettingsService } from '../../../electron/settings/settings-service';
import { createMemorySettingsStore } from '../../../electron/settings/settings-store';
import { createKeyRouting } from '../../../electron/secrets/key-routing';

/** Issue 13, item 5: workspace hosts (qwen-api-2026.md §8.1) and the native base rule (§1.1). */
describe('workspace hosts', () => {
  it('give each region its workspace host; none for Hong Kong or Custom', () => {
    expect(workspaceBaseURL('singapore', 'ws-1')).toBe(
      'https://ws-1.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1',
    );
    expect(workspaceBaseURL('beijing', 'WS-2')).toBe(
      'https://ws-2.cn-beijing.maas.aliyuncs.com/compatible-mode/v1',
    );
    expect(workspaceBaseURL('us-virginia', 'ws-3')).toBe(
      'https://ws-3.us-east-1.maas.aliyuncs.com/compatible-mode/v1',
    );
    expect(workspaceBaseURL('hongkong', 'ws-4')).toBeNull();
    expect(workspaceBaseURL('singapore', '  ')).toBeNull();
  });

  it('are used for both protocols with a Workspace ID, the legacy host without one', () => {
    const settings = createSettingsService(createMemorySettingsStore(), { baseURLOverride: null });
    expect(settings.baseURL()).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
    expect(nativeBaseURL(settings.baseURL())).toBe('https://dashscope-intl.aliyuncs.com/api/v1');
    settings.update({ workspaceId: 'ws-9', region: 'beijing' });
    expect(settings.baseURL()).toBe('https://ws-9.cn-beijing.maas.aliyuncs.com/compatible-mode/v1');
    expect(nativeBaseURL(settings.baseURL())).toBe('https://ws-9.cn-beijing.maas.aliyuncs.com/api/v1');
    expect(() => settings.update({ workspaceId: 'ws/../evil' })).toThrow();
    settings.update({ workspaceId: '' });
    expect(settings.baseURL()).toBe('https://dashscope.aliyuncs.com/compatible-mode/v1');
    // DASHSCOPE_BASE_URL still wins.
    const env = createSettingsService(createMemorySettingsStore(), {
      baseURLOverride: 'http://127.0.0.1:9/compatible-mode/v1',
    });
    env.update({ workspaceId: 'ws-9' });
    expect(env.baseURL()).toBe('http://127.0.0.1:9/compatible-mode/v1');
    // A custom base URL follows the same native rule; one without the compatible path has none.
    expect(nativeBaseURL('https://gw.example/compatible-mode/v1/')).toBe('https://gw.example/api/v1');
    expect(nativeBaseURL('https://gw.example/v1')).toBeNull();
  });

  it('are DashScope hosts a key may go to, like the region hosts; look-alikes are not', async () => {
    const routing = createKeyRouting({ overrideBaseURL: null });
    const how = { typed: false, fromEnvironment: true };
    await routing.authorize('sk-a', 'https://ws-1.ap-southeast-1.maas.aliyuncs.com/api/v1', how);
    await routing.authorize('sk-a', 'https://ws-1.cn-beijing.maas.aliyuncs.com/compatible-mode/v1', how);
    await expect(
      routing.authorize('sk-a', 'https://ws-1.ap-southeast-1.maas.aliyuncs.com.evil.example/api/v1', how),
    ).rejects.toMatchObject({ appError: { code: 'key_host_unconfirmed' } });
    const native = createKeyRouting({
      overrideBaseURL: null,
      overrideNativeBaseURL: 'https://native.example/api/v1',
    });
    await native.authorize('sk-a', 'https://native.example/api/v1', how);
  });
});
