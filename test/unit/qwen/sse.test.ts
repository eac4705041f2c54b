import { describe, expect, it } from 'vitest';
import { QwenApiError } from '../../../electron/qwen/errors';
import { SseAnswerParser, type QwenStreamPart } from '../../../electron/qwen/sse';

function parse(chunks: string[]): { parts: QwenStreamPart[]; parser: SseAnswerParser } {
  const parts: QwenStreamPart[] = [];
  const parser = new SseAnswerParser((p) => parts.push(p));
  for (const c of chunks) parser.push(c);
  parser.end();
  return { parts, parser };
}

const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ delta, index: 0, finish_reason: finish }], usage: null })}\n\n`;

describe('SseAnswerParser', () => {
  it('keeps content and reasoning apart, across arbitrary chunk boundaries and CRLF', () => {
    const text =
      chunk({ content: null, role: 'assistant', reasoning_content: '' }) +
      chunk({ content: null, reasoning_content: '想一想' }) +
      chunk({ content: '西湖', reasoning_content: null }).replace(/\n/g, '\r\n') +
      chunk({ content: '' }, 'stop') +
      'data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5,"completion_tokens_details":{"reasoning_tokens":1},"prompt_tokens_details":{"cached_tokens":2}}}\n\n' +
      'data: [DONE]\n\n';
    for (const size of [1, 7, 64, text.length]) {
      const pieces = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      const { parts, parser } = parse(pieces);
      expect(parser.done).toBe(true);
      expect(parts).toEqual([
        { type: 'delta', content: '', reasoning: '想一想' },
        { type: 'delta', content: '西湖', reasoning: '' },
        { type: 'finish', finishReason: 'stop' },
        {
          type: 'usage',
          usage: {
            promptTokens: 3,
            completionTokens: 2,
            totalTokens: 5,
            reasoningTokens: 1,
            cachedTokens: 2,
            // No cache_type beside the hits: the implicit cache (priced at 20 %).
            cacheType: 'implicit',
          },
        },
      ]);
    }
  });

  it('throws the error of a mid-stream data: {"error":…} event', () => {
    const err = (() => {
      try {
        parse([
          chunk({ content: 'Hi' }),
          'data: {"error":{"message":"Output data may contain inappropriate content.","type":"data_inspection_failed","param":null,"code":"data_inspection_failed"}}\n\n',
        ]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(QwenApiError);
    expect(err).toMatchObject({ code: 'data_inspection_failed', inStream: true, status: undefined });
  });

  it('throws the native event:error frame with its HTTP_STATUS comment', () => {
    const frame =
      'id:1\nevent:error\n:HTTP_STATUS/429\ndata:{"request_id":"r1","code":"Throttling.AllocationQuota","message":"Allocated quota exceeded, please increase your quota limit."}\n\n';
    expect(() => parse([frame])).toThrow(QwenApiError);
    try {
      parse([frame]);
    } catch (e) {
      expect(e).toMatchObject({
        status: 429,
        code: 'Throttling.AllocationQuota',
        message: 'Allocated quota exceeded, please increase your quota limit.',
      });
    }
  });

  it('handles an event without its closing blank line at the end of the body', () => {
    const { parts } = parse([chunk({ content: 'a' }).trimEnd()]);
    expect(parts).toEqual([{ type: 'delta', content: 'a', reasoning: '' }]);
  });

  it('ignores what comes after [DONE]', () => {
    const { parts } = parse(['data: [DONE]\n\n', chunk({ content: 'late' })]);
    expect(parts).toEqual([]);
  });
});

describe('SseAnswerParser on garbage', () => {
  it('reports a data line that is not JSON as an in-stream error', () => {
    expect(() => parse(['data: <html>oops</html>\n\n'])).toThrow(/not JSON: <html>oops/);
  });
});
