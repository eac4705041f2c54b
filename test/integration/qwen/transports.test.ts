/**
 * The engine's cases, one table, run on both transports (issue 13, item 6): the OpenAI-compatible
 * one and DashScope's native one, against the fake server speaking each wire format. Whatever the
 * transport, the events the engine's callers receive are the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatParams } from '../../../electron/contract';
import {
  FakeDashScope,
  tokenize,
  type FakeScenario,
  type RecordedRequest,
} from '../../fake-dashscope/server';
import { dashscopeErrors, nativeThrottling } from '../../fake-dashscope/wire';
import { buildCore, collectEvents } from '../../support/core';
import { startTestProxy } from '../../support/http-proxy';

const KEY = 'sk-transports-test';
let fake: FakeDashScope;
beforeAll(async () => {
  fake = await new FakeDashScope({ validKeys: [KEY] }).start();
});
afterAll(() => fake.close());

type Transport = 'compatible' | 'native';
const answer = 'West Lake is in Hangzhou, Zhejiang.';

/** What went on the wire, whichever protocol: the model, the messages' text and the parameters. */
function wire(r: RecordedRequest) {
  const body = r.body as Record<string, unknown>;
  if (r.path.includes('/api/v1/')) {
    const input = body.input as { messages: Array<{ role: string; content: unknown }> };
    return {
      model: body.model,
      messages: input.messages,
      params: body.parameters as Record<string, unknown>,
    };
  }
  const { model, messages, ...params } = body;
  return { model, messages, params };
}

interface Case {
  name: string;
  scenarios: FakeScenario[];
  model?: string;
  params?: ChatParams;
  key?: string;
  engine?: { maxRetries?: number; idleTimeoutMs?: number };
  /** The stream's last event. */
  expect: (last: ChatEvent, text: string, reasoning: string) => void;
}

const cases: Case[] = [
  {
    name: 'streams an answer with its usage',
    scenarios: [{ type: 'stream', tokens: tokenize(answer), promptTokens: 20 }],
    expect: (last, text) => {
      expect(text).toBe(answer);
      expect(last).toMatchObject({
        type: 'done',
        status: 'done',
        finishReason: 'stop',
        usage: { promptTokens: 20, completionTokens: tokenize(answer).length },
      });
    },
  },
  {
    name: 'keeps reasoning apart from the answer',
    model: 'qwen3.5-plus',
    params: { enableThinking: true },
    scenarios: [{ type: 'stream', reasoning: tokenize('Think first.'), tokens: tokenize(answer) }],
    expect: (last, text, reasoning) => {
      expect(text).toBe(answer);
      expect(reasoning).toBe('Think first.');
      expect(last).toMatchObject({
        type: 'done',
        usage: { reasoningTokens: tokenize('Think first.').length },
      });
    },
  },
  {
    name: 'reports finish_reason "length"',
    scenarios: [{ type: 'stream', tokens: tokenize('cut short'), finishReason: 'length' }],
    expect: (last) => expect(last).toMatchObject({ type: 'done', finishReason: 'length' }),
  },
  {
    name: 'reads cached and cache-creation tokens',
    scenarios: [
      {
        type: 'stream',
        tokens: tokenize(answer),
        promptTokens: 3000,
        cachedTokens: 2048,
        cacheCreationTokens: 900,
      },
    ],
    expect: (last) =>
      expect(last).toMatchObject({
        usage: { promptTokens: 3000, cachedTokens: 2048, cacheCreationTokens: 900, cacheType: 'explicit' },
      }),
  },
  {
    name: 'a rejected key is an auth error naming the region',
    key: 'sk-wrong',
    scenarios: [],
    expect: (last) =>
      expect(last).toMatchObject({
        type: 'error',
        interrupted: false,
        error: { code: 'auth', httpStatus: 401 },
      }),
  },
  {
    name: 'a 429 before the answer is a rate limit',
    scenarios: [{ type: 'error', ...dashscopeErrors.limitRequests }],
    expect: (last) =>
      expect(last).toMatchObject({ type: 'error', error: { code: 'rate_limit', httpStatus: 429 } }),
  },
  {
    name: 'overdue accounts are told so',
    scenarios: [{ type: 'error', ...dashscopeErrors.arrearage }],
    expect: (last) => expect(last).toMatchObject({ type: 'error', error: { code: 'arrears' } }),
  },
  {
    name: 'a moderation stop mid-answer keeps the text as interrupted',
    scenarios: [
      {
        type: 'stream',
        tokens: tokenize(answer),
        midStreamError: { afterTokens: 3, error: dashscopeErrors.outputInspectionFailed.error },
      },
    ],
    expect: (last, text) => {
      expect(text).toBe(tokenize(answer).slice(0, 3).join(''));
      expect(last).toMatchObject({ type: 'error', interrupted: true, error: { code: 'moderation' } });
    },
  },
  {
    name: 'an error frame on HTTP 200 (Throttling.AllocationQuota) is a quota error',
    scenarios: [
      { type: 'stream', tokens: tokenize(answer), nativeError: { afterTokens: 0, ...nativeThrottling } },
    ],
    expect: (last) =>
      expect(last).toMatchObject({ type: 'error', interrupted: false, error: { code: 'quota' } }),
  },
  {
    name: 'a cut connection mid-answer is a network error, text kept',
    scenarios: [{ type: 'stream', tokens: tokenize(answer), resetAfter: 2 }],
    expect: (last) =>
      expect(last).toMatchObject({ type: 'error', interrupted: true, error: { code: 'network' } }),
  },
  {
    name: 'a body that ends before the end of the answer is a network error',
    scenarios: [{ type: 'stream', tokens: tokenize(answer), endAfter: 2 }],
    expect: (last) => expect(last).toMatchObject({ type: 'error', error: { code: 'network' } }),
  },
  {
    name: 'silence past the idle timeout is a timeout',
    engine: { idleTimeoutMs: 300 },
    scenarios: [{ type: 'stream', tokens: tokenize(answer), stallAfter: 1 }],
    expect: (last) => expect(last).toMatchObject({ type: 'error', error: { code: 'timeout' } }),
  },
  {
    name: 'a 503 before the answer is retried, then the answer streams',
    engine: { maxRetries: 1 },
    scenarios: [
      { type: 'error', ...dashscopeErrors.modelServingError },
      { type: 'stream', tokens: tokenize(answer) },
    ],
    expect: (last, text) => {
      expect(text).toBe(answer);
      expect(last).toMatchObject({ type: 'done', status: 'done' });
    },
  },
];

describe.each<Transport>(['compatible', 'native'])('the %s transport', (transport) => {
  function core(c: Pick<Case, 'key' | 'engine'> = {}) {
    return buildCore({
      apiKey: c.key ?? KEY,
      baseURL: fake.baseURL,
      random: () => 0, // shortest retry wait (750 ms)
      engine: { maxRetries: 0, ...c.engine, protocol: transport },
    });
  }
  const requestsOf = () => (transport === 'native' ? fake.nativeRequests : fake.chatRequests);

  it.each(cases)('$name', async (c) => {
    fake.enqueue(...c.scenarios);
    const app = core(c);
    const events = collectEvents(app);
    const r = await app.invoke('chat.start', {
      model: c.model ?? 'qwen-plus',
      messages: [{ role: 'user', content: 'Where is West Lake?' }],
      ...(c.params ? { params: c.params } : {}),
    });
    if (!r.ok) throw new Error(r.error.message);
    const id = (r.value as { streamId: string }).streamId;
    const last = await events.until(id, (e) => e.type === 'done' || e.type === 'error');
    const deltas = events.forStream(id).filter((e) => e.type === 'delta');
    const reasoning = deltas.map((e) => (e.type === 'delta' ? (e.reasoning ?? '') : '')).join('');
    c.expect(last, events.text(id), reasoning);
    await app.dispose();
  });

  it('sends the same parameters, by each protocol’s names', async () => {
    const before = requestsOf().length;
    const app = core();
    const events = collectEvents(app);
    const r = await app.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'Answer in JSON: where is West Lake?' }],
      params: {
        systemPrompt: 'Be terse.',
        temperature: 0.7,
        topP: 0.8,
        maxTokens: 500,
        seed: 42,
        jsonMode: true,
        enableThinking: false,
      },
    });
    const id = (r as { ok: true; value: { streamId: string } }).value.streamId;
    await events.until(id);
    const sent = wire(requestsOf()[before]!);
    expect(sent.model).toBe('qwen-plus');
    expect(sent.params).toMatchObject({
      temperature: 0.7,
      top_p: 0.8,
      max_tokens: 500,
      seed: 42,
      response_format: { type: 'json_object' },
      enable_thinking: false,
    });
    if (transport === 'native') {
      expect(sent.params).toMatchObject({ result_format: 'message', incremental_output: true });
      expect(requestsOf()[before]!.headers['x-dashscope-sse']).toBe('enable');
      expect(requestsOf()[before]!.path).toBe('/api/v1/services/aigc/text-generation/generation');
      expect(sent.messages).toEqual([
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'Answer in JSON: where is West Lake?' },
      ]);
    } else {
      expect(sent.params).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    }
    await app.dispose();
  });

  it('goes through the proxy set in Settings', async () => {
    const proxy = await startTestProxy();
    try {
      const app = buildCore({
        apiKey: KEY,
        baseURL: fake.baseURL,
        engine: { maxRetries: 0, protocol: transport, proxy: proxy.url },
        env: {},
      });
      const events = collectEvents(app);
      const r = await app.invoke('chat.start', {
        model: 'qwen-plus',
        messages: [{ role: 'user', content: 'via proxy' }],
      });
      const id = (r as { ok: true; value: { streamId: string } }).value.streamId;
      expect(await events.until(id)).toMatchObject({ type: 'done', status: 'done' });
      const path = transport === 'native' ? '/api/v1/services/aigc/' : '/compatible-mode/v1/chat/completions';
      // The proxy tunnels (CONNECT to the host); the fake saw the request on this transport's path.
      expect(proxy.seen.map((s) => s.target)).toContain(new URL(fake.baseURL).host);
      expect(fake.requests.at(-1)!.path).toContain(path);
      await app.dispose();
    } finally {
      await proxy.close();
    }
  });

  it('refuses what the parameter rules refuse, before any request', async () => {
    const before = fake.requests.length;
    const app = core();
    const r = await app.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'no magic word' }],
      params: { jsonMode: true, enableThinking: false },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(fake.requests.length).toBe(before);
    await app.dispose();
  });

  it('cancel stops the stream at once and keeps what arrived', async () => {
    fake.enqueue({ type: 'stream', tokens: tokenize(answer.repeat(20)), delayMs: 20 });
    const app = core();
    const events = collectEvents(app);
    const r = await app.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'long' }],
    });
    const id = (r as { ok: true; value: { streamId: string } }).value.streamId;
    await events.until(id, (e) => e.type === 'delta');
    await app.invoke('chat.cancel', { streamId: id });
    expect(await events.until(id)).toMatchObject({ type: 'done', status: 'stopped' });
    const request = requestsOf().at(-1)!;
    await request.ended;
    expect(request.aborted).toBe(true);
    await app.dispose();
  });
});
