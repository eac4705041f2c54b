/**
 * The engine reads the app's Settings (issue 5's service) on every request: the retry count, the
 * request timeout and the proxy apply to the next answer without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/shared/clock';
import { createCore } from '../../../electron/core/create-core';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import { envKeySource } from '../../../electron/secrets/key-source';
import { createSettingsService } from '../../../electron/settings/settings-service';
import { createMemorySettingsStore } from '../../../electron/settings/settings-store';
import { FakeDashScope } from '../../fake-dashscope/server';
import { dashscopeErrors } from '../../fake-dashscope/wire';
import { collectEvents } from '../../support/core';
import { startTestProxy } from '../../support/http-proxy';

const KEY = 'sk-app-settings';
let fake: FakeDashScope;
beforeAll(async () => {
  fake = await new FakeDashScope({ validKeys: [KEY] }).start();
});
afterAll(() => fake.close());

function appCore() {
  const settings = createSettingsService(createMemorySettingsStore(), { baseURLOverride: fake.baseURL });
  const core = createCore({
    keySource: envKeySource(KEY),
    createQwenClient,
    clock: systemClock,
    getBaseURL: () => settings.baseURL(),
    settings,
    env: {},
    random: () => 0,
  });
  const events = collectEvents(core);
  const ask = async () => {
    const r = await core.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    if (!r.ok) throw new Error(r.error.message);
    const id = (r.value as { streamId: string }).streamId;
    return { id, end: await events.until(id, (e) => e.type === 'done' || e.type === 'error') };
  };
  return { core, settings, events, ask };
}

describe("the app's Settings drive the engine", () => {
  it('retry count: 0 ends at the first 503, 1 retries once', async () => {
    const { settings, events, ask } = appCore();
    await settings.update({ retryCount: 0 });
    fake.enqueue({ type: 'error', ...dashscopeErrors.modelUnavailable });
    expect((await ask()).end).toMatchObject({ type: 'error', error: { code: 'server' } });

    await settings.update({ retryCount: 1 });
    fake.enqueue({ type: 'error', ...dashscopeErrors.modelUnavailable });
    const { id, end } = await ask();
    expect(end).toMatchObject({ type: 'done' });
    expect(events.forStream(id).filter((e) => e.type === 'retrying')).toMatchObject([
      { attempt: 2, maxAttempts: 2, delayMs: 750 },
    ]);
  });

  it('request timeout is the wait for Qwen to start answering', async () => {
    const { settings, ask } = appCore();
    await settings.update({ requestTimeoutSeconds: 5, retryCount: 0 });
    fake.enqueue({ type: 'hang' });
    const t0 = Date.now();
    expect((await ask()).end).toMatchObject({
      type: 'error',
      error: { code: 'timeout', message: 'Qwen did not answer within 5 s.' },
    });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4900);
  });

  it('the proxy applies to the next request', async () => {
    const proxy = await startTestProxy();
    try {
      const { settings, ask } = appCore();
      await ask();
      expect(proxy.seen).toEqual([]);
      await settings.update({ proxy: proxy.url });
      expect((await ask()).end).toMatchObject({ type: 'done' });
      expect(proxy.seen.length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });
});
