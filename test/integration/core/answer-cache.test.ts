/**
 * The answer cache (issue 14, item 5) on a real history file and the fake server: which requests
 * it answers (translations; quick questions with a fixed seed or temperature 0; chats only with the
 * setting), its key (text, model, options), its 24 hours, "Ask again" (Regenerate) making a new
 * request, and the entries going with the answers and conversations they copy.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatParams, HistoryMessage, SendResult } from '../../../electron/contract';
import { createCore, type Core } from '../../../electron/core/create-core';
import { HistoryStore } from '../../../electron/history/history-store';
import { ANSWER_CACHE_TTL_MS } from '../../../electron/history/answer-cache-table';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import { envKeySource } from '../../../electron/secrets/key-source';
import { systemClock, type Clock } from '../../../electron/shared/clock';
import { FakeDashScope } from '../../fake-dashscope/server';
import { call, eventually, tempHistoryDir } from '../../support/history';

const KEY = 'sk-answer-cache-test';
let fake: FakeDashScope;
beforeAll(async () => {
  fake = await new FakeDashScope({ validKeys: [KEY] }).start();
});
afterAll(() => fake.close());

/** Real time, moved on by `skip` (the cache's 24 hours without waiting them). */
let offset = 0;
const clock: Clock = { ...systemClock, now: () => Date.now() + offset };

let store: HistoryStore;
let core: Core;
function open(): void {
  offset = 0;
  store = HistoryStore.open(tempHistoryDir());
  core = createCore({
    keySource: envKeySource(KEY),
    createQwenClient,
    clock,
    getBaseURL: () => fake.baseURL,
    getEngineSettings: () => ({ maxRetries: 0 }),
    history: store,
  });
}
afterEach(() => core?.dispose());

const translation: ChatParams = {
  translation: {
    sourceLang: 'auto',
    targetLang: 'English',
    terms: [{ source: '西湖', target: 'West Lake' }],
  },
};

/** Sends a question and waits for its answer to be finished in the history. */
async function ask(
  content: string,
  model = 'qwen-mt-flash',
  params: ChatParams = translation,
  extra: { conversationId?: number; origin?: 'quick' } = {},
): Promise<{ sent: SendResult; answer: HistoryMessage; requests: number }> {
  // Answers only: an earlier test's title request may still arrive meanwhile.
  const before = fake.streamRequests.length;
  const sent = await call(core, 'history.send', { content, model, params, ...extra });
  const answer = await finished(sent);
  return { sent, answer, requests: fake.streamRequests.length - before };
}

async function finished(sent: SendResult): Promise<HistoryMessage> {
  return eventually(async () => {
    const opened = await call(core, 'history.open', { conversationId: sent.conversationId });
    const m = opened.messages.find((x) => x.id === sent.assistantMessageId);
    return m && m.status !== 'streaming' ? m : undefined;
  });
}

describe('the answer cache', () => {
  it('answers a repeated translation at once, free and marked, with no request (and no title request)', async () => {
    open();
    const first = await ask('西湖在杭州');
    expect(first.requests).toBe(1);
    expect(first.answer).toMatchObject({ status: 'done', content: '[Chinese → English] West Lake在杭州' });
    expect(first.answer.usage?.fromCache).toBeUndefined();

    const again = await ask('西湖在杭州');
    expect(again.requests).toBe(0);
    expect(again.answer.content).toBe(first.answer.content);
    expect(again.answer.usage).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
      fromCache: { savedAt: expect.any(Number) },
    });
    expect(again.answer.usage!.fromCache!.savedAt).toBeLessThanOrEqual(clock.now());
    const conversation = await call(core, 'history.open', { conversationId: again.sent.conversationId });
    expect(conversation.conversation.title).toBe('西湖在杭州');
    // The first test of the file: nothing else asked for a title either.
    expect(fake.chatRequests.filter((r) => (r.body as { stream?: boolean }).stream !== true)).toEqual([]);
  });

  it('"Ask again" (Regenerate) makes a new request, whose answer the cache keeps from then on', async () => {
    open();
    const first = await ask('断桥残雪');
    const cached = await ask('断桥残雪');
    expect(cached.requests).toBe(0);
    const before = fake.streamRequests.length;
    const regenerated = await call(core, 'history.regenerate', {
      messageId: cached.sent.assistantMessageId,
      model: 'qwen-mt-flash',
      params: translation,
    });
    const fresh = await finished(regenerated);
    expect(fake.streamRequests.length - before).toBe(1);
    expect(fresh.usage?.fromCache).toBeUndefined();
    expect(fresh.siblingCount).toBe(2);
    // The new answer is the cached one now: deleting the first answer leaves the entry.
    await call(core, 'history.delete', { conversationId: first.sent.conversationId });
    expect((await ask('断桥残雪')).requests).toBe(0);
  });

  const other = (change: Partial<NonNullable<ChatParams['translation']>>): ChatParams => ({
    translation: { ...translation.translation!, ...change },
  });
  it.each<[string, string, string, ChatParams]>([
    ['another text', '雷峰塔', 'qwen-mt-flash', translation],
    ['another model', '西湖', 'qwen-mt-lite', translation],
    ['another target language', '西湖', 'qwen-mt-flash', other({ targetLang: 'French' })],
    ['another source language', '西湖', 'qwen-mt-flash', other({ sourceLang: 'Chinese' })],
    ['another glossary', '西湖', 'qwen-mt-flash', other({ terms: [{ source: '西湖', target: 'Xihu' }] })],
    ['another domain', '西湖', 'qwen-mt-flash', other({ domains: 'Tourism.' })],
  ])('keys on text, model and options: %s is asked', async (_name, text, model, params) => {
    open();
    await ask('西湖');
    expect((await ask('西湖')).requests).toBe(0);
    expect((await ask(text, model, params)).requests).toBe(1);
  });

  it('keeps answers for 24 hours', async () => {
    open();
    await ask('三潭印月');
    offset = ANSWER_CACHE_TTL_MS - 60_000;
    expect((await ask('三潭印月')).requests).toBe(0);
    offset = ANSWER_CACHE_TTL_MS + 1000;
    expect((await ask('三潭印月')).requests).toBe(1);
  });

  it('is cleared with the history: deleting the conversation, or the answer, deletes its entry', async () => {
    open();
    const first = await ask('苏堤春晓');
    expect(store.answerCache.size).toBe(1);
    await call(core, 'history.delete', { conversationId: first.sent.conversationId });
    expect(store.answerCache.size).toBe(0);
    const second = await ask('苏堤春晓');
    expect(second.requests).toBe(1);
    await call(core, 'history.message.delete', { messageId: second.sent.assistantMessageId });
    expect(store.answerCache.size).toBe(0);
    expect((await ask('苏堤春晓')).requests).toBe(1);
  });

  it('never answers ordinary chats from it, unless Settings says so', async () => {
    open();
    await ask('What is West Lake?', 'qwen-plus', { temperature: 0 });
    expect((await ask('What is West Lake?', 'qwen-plus', { temperature: 0 })).requests).toBeGreaterThan(0);
    expect(store.answerCache.size).toBe(0);
    await call(core, 'settings.update', { cacheChatAnswers: true });
    const first = await ask('Where is Lingyin Temple?', 'qwen-plus', {});
    expect(first.requests).toBe(1);
    expect((await ask('Where is Lingyin Temple?', 'qwen-plus', {})).requests).toBe(0);
  });

  it('answers quick-window questions with a fixed seed or temperature 0, not others', async () => {
    open();
    const quick = { origin: 'quick' as const };
    await ask('Fixed?', 'qwen-plus', { seed: 7 }, quick);
    expect((await ask('Fixed?', 'qwen-plus', { seed: 7 }, quick)).requests).toBe(0);
    await ask('Cold?', 'qwen-plus', { temperature: 0 }, quick);
    expect((await ask('Cold?', 'qwen-plus', { temperature: 0 }, quick)).requests).toBe(0);
    await ask('Warm?', 'qwen-plus', { temperature: 0.7 }, quick);
    expect((await ask('Warm?', 'qwen-plus', { temperature: 0.7 }, quick)).requests).toBeGreaterThan(0);
  });

  it('keeps only complete answers: one cut by max tokens is asked again', async () => {
    open();
    // The default, not the queue: an earlier test's title request may still take from the queue.
    fake.setDefault(() => ({
      type: 'stream',
      tokens: ['[Chinese', ' → ', 'English]'],
      finishReason: 'length',
    }));
    const cut = await ask('平湖秋月').finally(() => fake.setDefault(null));
    expect(cut.answer.finishReason).toBe('length');
    expect(store.answerCache.size).toBe(0);
    expect((await ask('平湖秋月')).requests).toBe(1);
  });
});

describe('a translation conversation', () => {
  it('translates each text alone: a later text is sent as the only message, with the conversation’s options', async () => {
    open();
    const first = await ask('西湖在杭州');
    const before = fake.streamRequests.length;
    const second = await ask('灵隐寺在西湖边', 'qwen-mt-flash', translation, {
      conversationId: first.sent.conversationId,
    });
    expect(second.answer).toMatchObject({
      status: 'done',
      content: '[Chinese → English] 灵隐寺在West Lake边',
    });
    const sent = fake.streamRequests.slice(before);
    expect(sent).toHaveLength(1);
    const body = sent[0]!.body as { messages: unknown[]; translation_options: unknown };
    expect(body.messages).toEqual([{ role: 'user', content: '灵隐寺在西湖边' }]);
    expect(body.translation_options).toMatchObject({ target_lang: 'English', terms: [{ source: '西湖' }] });
  });

  it('without options chosen, detects the source and translates into English (what the controls show)', async () => {
    open();
    const out = await ask('苏堤', 'qwen-mt-flash', {});
    expect(out.answer.content).toBe('[Chinese → English] 苏堤');
    expect(
      (fake.streamRequests.at(-1)!.body as { translation_options: unknown }).translation_options,
    ).toEqual({
      source_lang: 'auto',
      target_lang: 'English',
    });
  });
});
