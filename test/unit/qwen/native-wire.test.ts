import { describe, expect, it } from 'vitest';
import { SseAnswerParser, type QwenStreamPart } from '../../../electron/qwen/sse';
import { QwenApiError } from '../../../electron/qwen/errors';
import { toNativeBody } from '../../../electron/qwen/native-client';
import { describeModel } from '../../../electron/shared/models';

/** DashScope's native stream (qwen-api-2026.md §1.3, §4.3, §7.3), read by sse.ts in native mode. */
const event = (id: number, data: unknown, name = 'result', status = 200) =>
  `id:${id}\nevent:${name}\n:HTTP_STATUS/${status}\ndata:${JSON.stringify(data)}\n\n`;
const choice = (content: unknown, finish = 'null', reasoning = '') => ({
  output: {
    choices: [
      { message: { role: 'assistant', content, reasoning_content: reasoning }, finish_reason: finish },
    ],
  },
  usage: { input_tokens: 10, output_tokens: 3, total_tokens: 13 },
});

function parse(text: string, search: { strategy?: 'turbo' } | null = null, chunk = text.length) {
  const parts: QwenStreamPart[] = [];
  const parser = new SseAnswerParser((p) => parts.push(p), undefined, { search });
  for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk));
  parser.end();
  return { parts, done: parser.done };
}

describe('native stream parsing', () => {
  it('reads deltas until the event whose finish_reason is not the string "null"; no [DONE]', () => {
    const text =
      event(1, choice('', 'null', 'think ')) +
      event(2, choice('West ')) +
      event(3, choice([{ text: 'Lake' }])) + // VL models: content as [{text}]
      event(4, {
        ...choice('', 'stop'),
        usage: {
          input_tokens: 1200,
          output_tokens: 3,
          cached_tokens: 1024, // top-level, as Singapore models report implicit hits (§4.3)
          output_tokens_details: { reasoning_tokens: 1 },
          image_tokens: 300,
        },
      }) +
      event(5, choice('ignored after the end'));
    for (const chunk of [text.length, 7, 1]) {
      const { parts, done } = parse(text, null, chunk);
      expect(done).toBe(true);
      expect(parts).toEqual([
        { type: 'delta', content: '', reasoning: 'think ' },
        { type: 'delta', content: 'West ', reasoning: '' },
        { type: 'delta', content: 'Lake', reasoning: '' },
        { type: 'finish', finishReason: 'stop' },
        {
          type: 'usage',
          usage: {
            promptTokens: 1200,
            completionTokens: 3,
            totalTokens: 1203,
            cachedTokens: 1024,
            cacheType: 'implicit',
            reasoningTokens: 1,
            imageTokens: 300,
          },
        },
      ]);
    }
  });

  it('takes the prepended sources and the search count into the usage; 0 searches when skipped', () => {
    const sources = {
      search_info: {
        search_results: [
          {
            index: 1,
            title: 'T',
            url: 'https://a.example/',
            site_name: 'A',
            icon: 'https://a.example/i.png',
          },
        ],
      },
    };
    const first = { output: { choices: [{ message: { content: '' }, finish_reason: 'null' }], ...sources } };
    const last = {
      ...choice('', 'stop'),
      usage: { input_tokens: 5, output_tokens: 1, plugins: { search: { count: 1 } } },
    };
    const usage = parse(event(1, first) + event(2, choice('x [1]')) + event(3, last), {
      strategy: 'turbo',
    }).parts.at(-1);
    expect(usage).toMatchObject({
      usage: {
        search: {
          count: 1,
          strategy: 'turbo',
          sources: [{ index: 1, title: 'T', url: 'https://a.example/', siteName: 'A' }],
        },
      },
    });
    const skipped = parse(event(1, choice('x')) + event(2, { ...choice('', 'stop') }), {}).parts.at(-1);
    expect(skipped).toMatchObject({ usage: { search: { count: 0, sources: [] } } });
  });

  it('throws the error frame as a QwenApiError with its code and status', () => {
    const frame = event(
      1,
      { request_id: 'r', code: 'Throttling.RateQuota', message: 'Requests rate limit exceeded' },
      'error',
      429,
    );
    expect(() => parse(frame)).toThrow(QwenApiError);
    try {
      parse(frame);
    } catch (err) {
      expect(err).toMatchObject({ code: 'Throttling.RateQuota', status: 429, inStream: true });
    }
  });
});

describe('the native body', () => {
  it('moves parameters under `parameters`, content to parts for multimodal models, cache marks kept', () => {
    const body = toNativeBody(
      {
        model: 'qwen3.5-plus',
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'S', cache_control: { type: 'ephemeral' } }] },
          {
            role: 'user',
            content: [
              { type: 'image_url', image_url: { url: 'data:image/png;base64,AA' } },
              { type: 'text', text: 'Q' },
            ],
          },
        ],
        temperature: 0.5,
        enable_thinking: false,
        enable_search: true,
        search_options: { search_strategy: 'max' },
      },
      describeModel('qwen3.5-plus'),
    );
    expect(body).toEqual({
      model: 'qwen3.5-plus',
      input: {
        messages: [
          { role: 'system', content: [{ text: 'S', cache_control: { type: 'ephemeral' } }] },
          { role: 'user', content: [{ image: 'data:image/png;base64,AA' }, { text: 'Q' }] },
        ],
      },
      parameters: {
        result_format: 'message',
        incremental_output: true,
        temperature: 0.5,
        enable_thinking: false,
        enable_search: true,
        search_options: {
          search_strategy: 'max',
          enable_source: true,
          enable_citation: true,
          citation_format: '[<number>]',
          prepend_search_result: true,
        },
      },
    });
  });
});
