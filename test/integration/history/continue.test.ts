import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope, tokenize } from '../../fake-dashscope/server';
import type { Core } from '../../../electron/core/create-core';
import { CONTINUE_PROMPT } from '../../../electron/core/conversation-service';
import type { SendResult } from '../../../electron/contract';
import { buildHistoryCore, call, eventually, tempHistoryDir } from '../../support/history';

const KEY = 'sk-continue-test';
type Body = { messages: Array<{ role: string; content: string }> };

/** Continue (issue 6): the same answer resumed, on a real history file. */
describe('history.continue', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(() => fake.close());

  const finished = async (core: Core, sent: SendResult) =>
    eventually(async () => {
      const page = await call(core, 'history.open', { conversationId: sent.conversationId });
      const answer = page.messages.find((m) => m.id === sent.assistantMessageId);
      return answer && answer.status !== 'streaming' ? { page, answer } : undefined;
    });

  it('appends the continuation to the cut answer and saves it, with both requests’ usage', async () => {
    const dataDir = tempHistoryDir();
    let core = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir });
    const cut = 'The first three steps are: one, two,';
    fake.enqueue(
      { type: 'stream', tokens: tokenize(cut), delayMs: 1, finishReason: 'length', promptTokens: 10 },
      { type: 'completion', content: 'Steps' },
    );
    const sent = (await call(core, 'history.send', {
      model: 'qwen-plus',
      content: 'List the steps',
    })) as SendResult;
    const first = await finished(core, sent);
    expect(first.answer).toMatchObject({ content: cut, status: 'done', finishReason: 'length' });
    const firstUsage = first.answer.usage!;
    // The title request takes its queued answer before the continuation asks for one.
    await eventually(async () => (await call(core, 'history.list', {})).conversations[0]?.title === 'Steps');

    const more = ' three. Done.';
    fake.enqueue({ type: 'stream', tokens: tokenize(more), delayMs: 20, promptTokens: 30 });
    const resumed = await call(core, 'history.continue', {
      messageId: sent.assistantMessageId,
      model: 'qwen-plus',
    });
    expect(resumed).toMatchObject({
      conversationId: sent.conversationId,
      userMessageId: sent.userMessageId,
      assistantMessageId: sent.assistantMessageId,
      error: null,
    });
    expect(resumed.streamId).toBeTruthy();
    // While it streams, the row is streaming again and keeps the earlier text.
    const during = await call(core, 'history.open', { conversationId: sent.conversationId });
    expect(during.messages[1]).toMatchObject({ status: 'streaming', streamId: resumed.streamId });
    expect(during.messages[1]!.content.startsWith(cut)).toBe(true);
    // Qwen got the path, the partial answer and the instruction.
    await eventually(() => fake.streamRequests.length === 2);
    const body = fake.streamRequests.at(-1)!.body as Body;
    expect(body.messages.map((m) => `${m.role}:${m.content}`)).toEqual([
      'user:List the steps',
      `assistant:${cut}`,
      `user:${CONTINUE_PROMPT}`,
    ]);

    const done = await finished(core, sent);
    expect(done.page.messages).toHaveLength(2); // the same message, no new one
    expect(done.answer).toMatchObject({ content: cut + more, status: 'done', finishReason: 'stop' });
    expect(done.answer.usage).toMatchObject({
      promptTokens: firstUsage.promptTokens + 30,
      completionTokens: firstUsage.completionTokens + tokenize(more).length,
    });

    // On disk: a new core on the same file sees the whole answer.
    await core.dispose();
    core = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir });
    const reopened = await call(core, 'history.open', { conversationId: sent.conversationId });
    expect(reopened.messages[1]).toMatchObject({ content: cut + more, status: 'done' });
    await core.dispose();
  });

  it('refuses questions and streaming answers; a failed continuation keeps the text with the error', async () => {
    const core = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir: tempHistoryDir() });
    fake.enqueue(
      { type: 'stream', tokens: tokenize('Partial'), delayMs: 1, finishReason: 'length' },
      { type: 'completion', content: 'T' },
    );
    const sent = (await call(core, 'history.send', { model: 'qwen-plus', content: 'Q' })) as SendResult;
    await finished(core, sent);
    await eventually(async () => (await call(core, 'history.list', {})).conversations[0]?.title === 'T');
    const onQuestion = await core.invoke('history.continue', {
      messageId: sent.userMessageId,
      model: 'qwen-plus',
    });
    expect(onQuestion).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

    // Refused by the server: the text stays, the error is saved on it (and it can be continued later).
    fake.enqueue({
      type: 'error',
      status: 401,
      error: {
        message: 'Incorrect API key provided.',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    });
    await call(core, 'history.continue', { messageId: sent.assistantMessageId, model: 'qwen-plus' });
    const refused = await finished(core, sent);
    expect(refused.answer).toMatchObject({ content: 'Partial', status: 'error', error: { code: 'auth' } });

    // While an answer streams it cannot be continued again.
    fake.enqueue({ type: 'stream', tokens: tokenize(' and more text here'), delayMs: 50 });
    await call(core, 'history.continue', { messageId: sent.assistantMessageId, model: 'qwen-plus' });
    const twice = await core.invoke('history.continue', {
      messageId: sent.assistantMessageId,
      model: 'qwen-plus',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const done = await finished(core, sent);
    expect(done.answer).toMatchObject({ content: 'Partial and more text here', status: 'done', error: null });
    await core.dispose();
  });
});
