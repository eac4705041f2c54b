import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope, tokenize } from '../../fake-dashscope/server';
import type { ConversationSummary, SendResult } from '../../../electron/contract';
import { createCore } from '../../../electron/core/create-core';
import { systemClock } from '../../../electron/shared/clock';
import { envKeySource } from '../../../electron/secrets/key-source';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import { buildHistoryCore, call, eventually, tempHistoryDir } from '../../support/history';

const KEY = 'sk-controls-test';

/** electron/core/handlers/controls-handlers.ts on a real history file. */
describe('conversation settings kept with the conversation', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(() => fake.close());

  it('keeps model and parameters changed without sending, across a restart, without reordering the list', async () => {
    const dataDir = tempHistoryDir();
    const core = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir });
    fake.enqueue(
      { type: 'stream', tokens: tokenize('One.'), delayMs: 1 },
      { type: 'completion', content: 'A' },
    );
    const first = (await call(core, 'history.send', { model: 'qwen-plus', content: 'one' })) as SendResult;
    // Its title request comes next: let it take its answer before the second question.
    await eventually(async () => (await call(core, 'history.list', {})).conversations[0]?.title === 'A');
    fake.enqueue(
      { type: 'stream', tokens: tokenize('Two.'), delayMs: 1 },
      { type: 'completion', content: 'B' },
    );
    const second = (await call(core, 'history.send', { model: 'qwen-plus', content: 'two' })) as SendResult;
    await eventually(async () => (await call(core, 'history.list', {})).conversations.every((c) => c.title));

    const updated: ConversationSummary[] = [];
    core.subscribe((name, payload) => {
      if (name === 'history.conversation.updated') updated.push(payload as ConversationSummary);
    });
    const params = { systemPrompt: 'Be brief.', temperature: 0.4, seed: 7, enableThinking: true };
    const summary = await call(core, 'conversation.settings.update', {
      conversationId: first.conversationId,
      model: 'qwen-max',
      params,
    });
    expect(summary).toMatchObject({
      id: first.conversationId,
      model: 'qwen-max',
      params,
      systemPrompt: 'Be brief.',
    });
    // The sidebar hears of it; the order (most recently used first) stays.
    expect(updated.at(-1)).toMatchObject({ id: first.conversationId, model: 'qwen-max' });
    const ids = (await call(core, 'history.list', {})).conversations.map((c) => c.id);
    expect(ids).toEqual([second.conversationId, first.conversationId]);
    await core.dispose();

    const again = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir });
    const opened = await call(again, 'history.open', { conversationId: first.conversationId });
    expect(opened.conversation).toMatchObject({ model: 'qwen-max', params });
    await again.dispose();
  });

  it('refuses unknown conversations, bad shapes, and works only with a history', async () => {
    const core = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir: tempHistoryDir() });
    const missing = await core.invoke('conversation.settings.update', {
      conversationId: 999,
      model: 'qwen-plus',
      params: {},
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const badModel = await core.invoke('conversation.settings.update', {
      conversationId: 1,
      model: 'not a model',
      params: {},
    });
    expect(badModel).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const badParams = await core.invoke('conversation.settings.update', {
      conversationId: 1,
      model: 'qwen-plus',
      params: { seed: 1.5 },
    });
    expect(badParams).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    await core.dispose();

    const noHistory = createCore({
      keySource: envKeySource(KEY),
      createQwenClient,
      clock: systemClock,
      getBaseURL: () => fake.baseURL,
    });
    const result = await noHistory.invoke('conversation.settings.update', {
      conversationId: 1,
      model: 'qwen-plus',
      params: {},
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'The conversation history is not available.' },
    });
    await noHistory.dispose();
  });
});
