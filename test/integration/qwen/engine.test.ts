/**
 * The engine against the fake server: what goes on the wire for each parameter, thinking kept
 * apart from the answer, usage and finish reasons, titles, and the merged model list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatEngine } from '../../../electron/core/chat-engine';
import { systemClock } from '../../../electron/shared/clock';
import { EventHub } from '../../../electron/core/event-hub';
import { StreamManager } from '../../../electron/core/stream-manager';
import { catalog, mergeModelLists } from '../../../electron/shared/models';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import { envKeySource } from '../../../electron/secrets/key-source';
import type { ModelInfo } from '../../../electron/contract';
import { FakeDashScope, tokenize } from '../../fake-dashscope/server';
import { dashscopeErrors } from '../../fake-dashscope/wire';
import { buildCore, collectEvents } from '../../support/core';

const KEY = 'sk-engine-test';
let fake: FakeDashScope;
beforeAll(async () => {
  fake = await new FakeDashScope({
    validKeys: [KEY],
    models: ['qwen-plus', 'qwen-max', 'qwen3-coder-next', 'qwen-plus-2025-04-28'],
  }).start();
});
afterAll(() => fake.close());

async function ask(model: string, content: string, params?: Record<string, unknown>) {
  // The compatible wire (the native one is in transports.test.ts and native.test.ts).
  const core = buildCore({
    apiKey: KEY,
    baseURL: fake.baseURL,
    engine: { maxRetries: 0, protocol: 'compatible' },
  });
  const events = collectEvents(core);
  const before = fake.chatRequests.length;
  const r = await core.invoke('chat.start', {
    model,
    messages: [{ role: 'user', content }],
    ...(params ? { params } : {}),
  });
  return {
    core,
    events,
    r,
    sent: () => fake.chatRequests.slice(before).map((q) => q.body as Record<string, unknown>),
  };
}

describe('parameters on the wire', () => {
  it('sends every parameter the model supports, with DashScope names', async () => {
    const { r, events, sent } = await ask('qwen-plus', 'Answer in JSON: the capital of Zhejiang?', {
      systemPrompt: 'You are terse.',
      temperature: 0.7,
      topP: 0.8,
      maxTokens: 500,
      seed: 42,
      stop: ['\n\n'],
      presencePenalty: 0.5,
      jsonMode: true,
      enableThinking: false,
      enableSearch: true,
    });
    expect(r.ok).toBe(true);
    const id = (r as { ok: true; value: { streamId: string } }).value.streamId;
    await events.until(id);
    expect(sent()[0]).toEqual({
      model: 'qwen-plus',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Answer in JSON: the capital of Zhejiang?' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.7,
      top_p: 0.8,
      max_tokens: 500,
      seed: 42,
      stop: ['\n\n'],
      presence_penalty: 0.5,
      response_format: { type: 'json_object' },
      enable_thinking: false,
      enable_search: true,
    });
  });

  it('refuses JSON mode without the word "json" before any HTTP request', async () => {
    const { r, sent } = await ask('qwen-plus', 'What is the capital of Zhejiang?', { jsonMode: true });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        message:
          'JSON mode needs the word "JSON" in your message or the system prompt: Qwen refuses the request without it.',
        action: 'Add it, for example "Answer in JSON.", and send again.',
      },
    });
    expect(sent()).toEqual([]);
  });

  it('refuses out-of-range values with a clear message, and sends nothing', async () => {
    const { r, sent } = await ask('qwen-max', 'hi', { maxTokens: 10_000 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: 'Max tokens must be between 1 and 8,192 for Qwen-Max.' },
    });
    expect(sent()).toEqual([]);
  });

  it('thinking-only models stream with thinking on; reasoning and answer arrive apart', async () => {
    fake.enqueue({
      type: 'stream',
      reasoning: tokenize('The user asks about tea. Longjing is from Hangzhou.'),
      tokens: tokenize('Longjing (Dragon Well) tea.'),
      cachedTokens: 4,
      promptTokens: 12,
    });
    const { r, events, sent } = await ask('qwq-plus', 'Which tea is from Hangzhou?', {
      enableThinking: false,
      thinkingBudget: 2000,
    });
    const id = (r as { ok: true; value: { streamId: string } }).value.streamId;
    const done = await events.until(id);
    const body = sent()[0]!;
    expect(body.stream).toBe(true);
    expect(body).not.toHaveProperty('enable_thinking'); // thinking-only: false would be refused
    expect(body.thinking_budget).toBe(2000);
    const deltas = events.forStream(id).filter((e) => e.type === 'delta');
    expect(deltas.map((e) => (e.type === 'delta' ? (e.reasoning ?? '') : '')).join('')).toBe(
      'The user asks about tea. Longjing is from Hangzhou.',
    );
    expect(events.text(id)).toBe('Longjing (Dragon Well) tea.');
    expect(done).toMatchObject({
      type: 'done',
      finishReason: 'stop',
      usage: {
        promptTokens: 12,
        reasoningTokens: tokenize('The user asks about tea. Longjing is from Hangzhou.').length,
        cachedTokens: 4,
      },
    });
  });

  it('finish_reason "length" reaches the UI', async () => {
    fake.enqueue({ type: 'stream', tokens: tokenize('A long answer cut'), finishReason: 'length' });
    const { r, events } = await ask('qwen-plus', 'Write a long essay', { maxTokens: 4 });
    const id = (r as { ok: true; value: { streamId: string } }).value.streamId;
    expect(await events.until(id)).toMatchObject({ type: 'done', status: 'done', finishReason: 'length' });
  });
});

describe('titles', () => {
  function engine(apiKey: string | null, baseURL = fake.baseURL) {
    return createChatEngine({
      keySource: envKeySource(apiKey),
      createQwenClient,
      getBaseURL: () => baseURL,
      streams: new StreamManager(new EventHub(), systemClock),
      clock: systemClock,
      env: {},
    });
  }

  it('asks a cheap model without streaming and with thinking off, and tidies the answer', async () => {
    fake.enqueue({ type: 'completion', content: '"West Lake in Hangzhou."\n' });
    const before = fake.chatRequests.length;
    const title = await engine(KEY).generateTitle(
      'Tell me about West Lake',
      'West Lake is a lake in Hangzhou.',
    );
    expect(title).toBe('West Lake in Hangzhou');
    const body = fake.chatRequests[before]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'qwen-flash', enable_thinking: false, max_tokens: 32 });
    expect(body.stream).toBeFalsy();
  });

  it('falls back to the first words of the question when the call fails', async () => {
    fake.enqueue({ type: 'error', ...dashscopeErrors.internalError });
    expect(
      await engine(KEY).generateTitle('What is the best season to visit Hangzhou and why?', 'Spring.'),
    ).toBe('What is the best season to visit…');
    expect(await engine(null).generateTitle('No key here', '')).toBe('No key here');
  });
});

describe('models.list', () => {
  it('merges GET /models: catalog first (marked listed or not), then unknown ids as plain text models', async () => {
    const core = buildCore({ apiKey: KEY, baseURL: fake.baseURL });
    const r = await core.invoke('models.list', undefined);
    if (!r.ok) throw new Error(r.error.message);
    const { models, defaultModel } = r.value as { models: ModelInfo[]; defaultModel: string };
    expect(defaultModel).toBe('qwen3.5-plus');
    expect(models.slice(0, catalog.length).map((m) => m.id)).toEqual(catalog.map((m) => m.id));
    expect(models.find((m) => m.id === 'qwen-max')?.listed).toBe(true);
    expect(models.find((m) => m.id === 'qwq-plus')?.listed).toBe(false);
    expect(models.find((m) => m.id === 'qwen3-coder-next')).toEqual({
      id: 'qwen3-coder-next',
      name: 'qwen3-coder-next',
      capabilities: { vision: false, thinking: 'none', webSearch: false, jsonMode: false },
      contextWindow: null,
      maxOutput: null,
      price: null,
      streamingOnly: false,
      listed: true,
    });
    // A snapshot of a known model keeps its family's abilities.
    expect(models.find((m) => m.id === 'qwen-plus-2025-04-28')).toMatchObject({
      name: 'Qwen-Plus (2025-04-28)',
      capabilities: { thinking: 'optional', jsonMode: true },
      price: null,
    });
  });

  it('is the catalog alone when the endpoint is missing or there is no key', async () => {
    const noList = await new FakeDashScope({ validKeys: [KEY], models: null }).start();
    try {
      for (const core of [
        buildCore({ apiKey: KEY, baseURL: noList.baseURL }),
        buildCore({ apiKey: null, baseURL: noList.baseURL }),
      ]) {
        const r = await core.invoke('models.list', undefined);
        // The fake's loopback host is not Beijing's: the international price list.
        expect(r.ok && (r.value as { models: ModelInfo[] }).models).toEqual(
          mergeModelLists(null, 'international'),
        );
      }
    } finally {
      await noList.close();
    }
  });

  it('a typed custom id is sent as is, its parameters unchecked', async () => {
    const { r, events, sent } = await ask('qwen3-235b-a22b', 'hi', {
      enableThinking: true,
      thinkingBudget: 100,
    });
    const id = (r as { ok: true; value: { streamId: string } }).value.streamId;
    await events.until(id);
    expect(sent()[0]).toMatchObject({
      model: 'qwen3-235b-a22b',
      enable_thinking: true,
      thinking_budget: 100,
    });
  });
});

describe('connections', () => {
  it('are reused from one answer to the next (the body is read to its end after [DONE])', async () => {
    // Its own server: a fresh origin, so the pool holds no connection from other tests.
    const own = await new FakeDashScope({ validKeys: [KEY] }).start();
    try {
      const core = buildCore({ apiKey: KEY, baseURL: own.baseURL, engine: { maxRetries: 0 } });
      const events = collectEvents(core);
      const ports: Array<number | undefined> = [];
      for (let i = 0; i < 3; i++) {
        // The response ends a little after [DONE], as a real server's may: cancelling there would
        // close the connection.
        own.enqueue({ type: 'stream', tokens: tokenize(`answer ${i}`), endDelayMs: 30 });
        const r = await core.invoke('chat.start', {
          model: 'qwen-plus',
          messages: [{ role: 'user', content: `q${i}` }],
        });
        const id = (r as { ok: true; value: { streamId: string } }).value.streamId;
        await events.until(id);
        const request = own.chatRequests.at(-1)!;
        await request.ended;
        ports.push(request.remotePort);
        // Let the background read finish and the connection go back to the pool.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(new Set(ports).size).toBe(1);
    } finally {
      await own.close();
    }
  });
});
