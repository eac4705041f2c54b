/**
 * What only the native protocol does (issue 13, items 2–4): Automatic picks it for web search;
 * sources, citations and the search count come back in the usage; a skipped search says so; the
 * path follows the model; the explicit cache is marked and its tokens read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatParams, Usage } from '../../../electron/contract';
import { createNativeClient, NATIVE_TEXT_PATH } from '../../../electron/qwen/native-client';
import { mapQwenError } from '../../../electron/qwen/errors';
import { FakeDashScope, tokenize, type FakeScenario } from '../../fake-dashscope/server';
import { buildCore, collectEvents } from '../../support/core';

const KEY = 'sk-native-test';
let fake: FakeDashScope;
beforeAll(async () => {
  fake = await new FakeDashScope({ validKeys: [KEY] }).start();
});
afterAll(() => fake.close());

async function ask(
  model: string,
  params: ChatParams,
  protocol: 'auto' | 'compatible' | 'native' = 'auto',
  scenario?: FakeScenario,
  content = 'What is West Lake?',
) {
  if (scenario) fake.enqueue(scenario);
  const app = buildCore({ apiKey: KEY, baseURL: fake.baseURL, engine: { maxRetries: 0, protocol } });
  const events = collectEvents(app);
  const before = fake.requests.length;
  const r = await app.invoke('chat.start', { model, messages: [{ role: 'user', content }], params });
  if (!r.ok) throw new Error(r.error.message);
  const id = (r.value as { streamId: string }).streamId;
  const last = (await events.until(id)) as ChatEvent;
  await app.dispose();
  return { last, text: events.text(id), request: fake.requests[before]! };
}

const cited = tokenize('West Lake is a freshwater lake in Hangzhou [1], a UNESCO site since 2011 [2].');

describe('web search on the native protocol', () => {
  it('Automatic goes native for web search and brings back sources, citations and the count', async () => {
    const { last, text, request } = await ask(
      'qwen-plus',
      { enableSearch: true, enableThinking: false },
      'auto',
      { type: 'stream', tokens: cited },
    );
    expect(request.path).toBe('/api/v1/services/aigc/text-generation/generation');
    expect((request.body as { parameters: unknown }).parameters).toMatchObject({
      enable_search: true,
      search_options: {
        enable_source: true,
        enable_citation: true,
        citation_format: '[<number>]',
        prepend_search_result: true,
      },
    });
    expect(text).toBe(cited.join(''));
    const usage = (last as { usage: Usage }).usage;
    expect(usage.search).toEqual({
      count: 1,
      sources: [
        {
          index: 1,
          title: 'West Lake travel guide',
          url: 'https://example.com/west-lake',
          siteName: 'Example News',
        },
        { index: 2, title: 'Hangzhou', url: 'https://wiki.example.org/Hangzhou', siteName: 'Wiki' },
      ],
    });
  });

  it('a search asked for but skipped (count 0) is reported as such, without sources', async () => {
    const { last } = await ask('qwen-plus', { enableSearch: true, enableThinking: false }, 'auto', {
      type: 'stream',
      tokens: tokenize('From memory: West Lake is in Hangzhou.'),
      search: { count: 0 },
    });
    expect((last as { usage: Usage }).usage.search).toEqual({ count: 0, sources: [] });
  });

  it('agent strategies ask only for sources; the strategy is kept for the fee', async () => {
    const { last, request } = await ask(
      'qwen3.5-plus',
      { enableSearch: true, searchStrategy: 'agent', enableThinking: false },
      'auto',
      { type: 'stream', tokens: cited },
    );
    expect(request.path).toBe('/api/v1/services/aigc/multimodal-generation/generation');
    expect((request.body as { parameters: { search_options: unknown } }).parameters.search_options).toEqual({
      search_strategy: 'agent',
      enable_source: true,
    });
    expect((last as { usage: Usage }).usage.search).toMatchObject({ count: 1, strategy: 'agent' });
  });

  it('without web search Automatic stays compatible; a source with a non-web link is dropped', async () => {
    const { request } = await ask('qwen-plus', { enableThinking: false });
    expect(request.path).toBe('/compatible-mode/v1/chat/completions');
    const { last } = await ask('qwen-plus', { enableSearch: true, enableThinking: false }, 'native', {
      type: 'stream',
      tokens: cited,
      search: {
        count: 2,
        results: [
          { site_name: 'x', icon: '', index: 1, title: 'bad', url: 'javascript:alert(1)' },
          { site_name: 'y', icon: '', index: 2, title: 'good', url: 'https://good.example/' },
        ],
      },
    });
    expect((last as { usage: Usage }).usage.search?.sources.map((s) => s.url)).toEqual([
      'https://good.example/',
    ]);
  });
});

describe('the native path and the cache', () => {
  it('natively multimodal models go to multimodal-generation with content as parts', async () => {
    const { request } = await ask('qwen3.5-flash', { enableThinking: false }, 'native');
    expect(request.path).toBe('/api/v1/services/aigc/multimodal-generation/generation');
    const body = request.body as { input: { messages: Array<{ content: unknown }> } };
    expect(body.input.messages[0]!.content).toEqual([{ text: 'What is West Lake?' }]);
  });

  it('the wrong path gives "url error", shown as a refused request', async () => {
    // qwen-vl-max sent to the text path (the catalog's nativeService prevents it) gets this answer:
    const res = await fetch(`${fake.nativeBaseURL}${NATIVE_TEXT_PATH.replace('/api/v1', '')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'qwen-vl-max', input: { messages: [] }, parameters: {} }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'InvalidParameter',
      message: expect.stringContaining('url error'),
    });
  });

  it('marks the explicit cache once the prompt passes 1,024 tokens, and reads hits and writes', async () => {
    const long = 'The history of West Lake. '.repeat(300);
    const { request, last } = await ask(
      'qwen3.5-plus',
      { enableThinking: false, systemPrompt: 'You are a guide.' },
      'native',
      {
        type: 'stream',
        tokens: tokenize('ok'),
        promptTokens: 2000,
        cachedTokens: 1200,
        cacheCreationTokens: 700,
      },
      long,
    );
    const messages = (request.body as { input: { messages: Array<{ content: unknown }> } }).input.messages;
    expect(messages[0]!.content).toEqual([
      { text: 'You are a guide.', cache_control: { type: 'ephemeral' } },
    ]);
    expect(messages[1]!.content).toEqual([{ text: long, cache_control: { type: 'ephemeral' } }]);
    expect((last as { usage: Usage }).usage).toMatchObject({
      cachedTokens: 1200,
      cacheCreationTokens: 700,
      cacheType: 'explicit',
    });
    // Short prompts are not marked (no cache below 1,024 tokens), on the compatible side either.
    const short = await ask('qwen3.5-plus', { enableThinking: false }, 'compatible');
    expect((short.request.body as { messages: Array<{ content: unknown }> }).messages[0]!.content).toBe(
      'What is West Lake?',
    );
  });

  it('native error bodies map to the same categories as compatible ones', async () => {
    fake.enqueue({
      type: 'error',
      status: 400,
      error: { code: 'Arrearage', type: 'Arrearage', message: 'Access denied.' },
    });
    const client = createNativeClient({ apiKey: KEY, baseURL: fake.nativeBaseURL });
    const err = await client
      .streamChat({
        body: { model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }], stream: true },
        signal: new AbortController().signal,
        idleTimeoutMs: 0,
        onPart: () => undefined,
      })
      .catch((e: unknown) => e);
    expect(mapQwenError(err)).toMatchObject({ code: 'arrears', httpStatus: 400 });
  });
});
