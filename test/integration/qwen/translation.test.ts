/**
 * Qwen-MT on both transports (issue 14, items 4 and 6): the request's shape (`translation_options`
 * at the top level or in `parameters`, exactly one user message), the two stream kinds (increments
 * from qwen-mt-flash, the whole text so far in every event from qwen-mt-plus) read into the same
 * answer, and the refusals made before anything is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatParams } from '../../../electron/contract';
import { FakeDashScope, tokenize, type RecordedRequest } from '../../fake-dashscope/server';
import { fakeTranslation } from '../../fake-dashscope/translation';
import { buildCore, collectEvents } from '../../support/core';

const KEY = 'sk-translation-test';
let fake: FakeDashScope;
beforeAll(async () => {
  fake = await new FakeDashScope({ validKeys: [KEY] }).start();
});
afterAll(() => fake.close());

const source = '我看到这个生物传感器后没有笑';
const translation: NonNullable<ChatParams['translation']> = {
  sourceLang: 'auto',
  targetLang: 'English',
  terms: [{ source: '生物传感器', target: 'biological sensor' }],
  domains: 'The sentence is from the IT domain.',
};
const expected = fakeTranslation(source, {
  source_lang: 'auto',
  target_lang: 'English',
  terms: translation.terms,
});

type Transport = 'compatible' | 'native';

/** The body's parts whichever protocol: messages and translation options. */
function wire(r: RecordedRequest) {
  const body = r.body as Record<string, unknown>;
  if (r.path.includes('/api/v1/')) {
    const params = body.parameters as Record<string, unknown>;
    return {
      messages: (body.input as { messages: unknown[] }).messages,
      options: params.translation_options,
      incremental: params.incremental_output,
    };
  }
  return { messages: body.messages, options: body.translation_options, incremental: undefined };
}

describe.each<Transport>(['compatible', 'native'])('Qwen-MT on the %s transport', (transport) => {
  const requestsOf = () => (transport === 'native' ? fake.nativeRequests : fake.chatRequests);
  const core = () =>
    buildCore({ apiKey: KEY, baseURL: fake.baseURL, engine: { maxRetries: 0, protocol: transport } });

  async function translate(model: string, params: ChatParams = { translation }) {
    const app = core();
    const events = collectEvents(app);
    const before = requestsOf().length;
    const r = await app.invoke('chat.start', {
      model,
      messages: [{ role: 'user', content: source }],
      params,
    });
    try {
      if (!r.ok) return { error: r.error, sent: requestsOf().length - before };
      const id = (r.value as { streamId: string }).streamId;
      const last = await events.until(id, (e) => e.type === 'done' || e.type === 'error');
      return {
        last,
        text: events.text(id),
        request: requestsOf().at(-1)!,
        sent: requestsOf().length - before,
      };
    } finally {
      await app.dispose();
    }
  }

  it('sends the languages, glossary and domain as translation_options with one user message', async () => {
    const out = await translate('qwen-mt-flash');
    expect(out.sent).toBe(1);
    const sent = wire(out.request!);
    expect(sent.messages).toHaveLength(1);
    expect(JSON.stringify(sent.messages)).toContain(source);
    expect(JSON.stringify(sent.messages)).not.toContain('"system"');
    expect(sent.options).toEqual({
      source_lang: 'auto',
      target_lang: 'English',
      terms: [{ source: '生物传感器', target: 'biological sensor' }],
      domains: 'The sentence is from the IT domain.',
    });
    // Flash streams increments natively as well.
    if (transport === 'native') expect(sent.incremental).toBe(true);
    expect(out.text).toBe(expected);
    expect(out.text).toContain('[Chinese → English]'); // auto-detected by the fake
    expect(out.last).toMatchObject({ type: 'done', status: 'done', finishReason: 'stop' });
  });

  it('reads qwen-mt-plus, which repeats the whole text in every event, as the same answer', async () => {
    const before = fake.requests.length;
    const out = await translate('qwen-mt-plus');
    expect(fake.requests.length - before).toBe(1);
    expect(tokenize(expected).length).toBeGreaterThan(3); // several events, each the text so far
    expect(out.text).toBe(expected);
    expect(out.last).toMatchObject({ type: 'done', status: 'done' });
    // It cannot stream increments, so none are asked for natively (§6.4).
    if (transport === 'native') expect(wire(out.request!).incremental).toBe(false);
  });

  it('a full-text stream cut halfway keeps exactly what arrived, once', async () => {
    fake.enqueue({ type: 'stream', tokens: tokenize(expected), fullText: true, endAfter: 3 });
    const out = await translate('qwen-mt-plus');
    expect(out.text).toBe(tokenize(expected).slice(0, 3).join(''));
    expect(out.last).toMatchObject({ type: 'error', interrupted: true });
  });

  it.each<[string, ChatParams, RegExp]>([
    ['a system prompt', { translation, systemPrompt: 'Be formal.' }, /one message at a time/],
    [
      '"auto" as the target',
      { translation: { ...translation, targetLang: 'auto' } },
      /not the one you translate into/,
    ],
    ['no target', { translation: { ...translation, targetLang: '' } }, /Choose the language/],
    [
      'a half-filled glossary entry',
      { translation: { ...translation, terms: [{ source: '杭州', target: ' ' }] } },
      /needs both a term and its translation/,
    ],
  ])('refuses %s before sending anything', async (_name, params, message) => {
    const out = await translate('qwen-mt-flash', params);
    expect(out.error).toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(message) });
    expect(out.sent).toBe(0);
  });
});
