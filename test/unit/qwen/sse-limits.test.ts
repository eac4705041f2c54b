/**
 * Issue 9, bug 10: the SSE reader was quadratic on a long line (it re-scanned and re-copied the
 * whole unfinished line for every chunk: a 128 MB line took 123 s) and had no size limits. Now it
 * is linear and stops at a per-line and a per-answer limit with a clear message.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_ANSWER_CHARS,
  MAX_SSE_LINE_CHARS,
  SseAnswerParser,
  type QwenStreamPart,
} from '../../../electron/qwen/sse';
import { mapQwenError, QwenApiError } from '../../../electron/qwen/errors';

const CHUNK = 64 * 1024;

/** Feeds one `data:` line of `chars` characters in 64 KiB chunks; ms taken and longest single push. */
function feedLongLine(chars: number, limits?: { lineChars: number; answerChars: number }) {
  const parts: QwenStreamPart[] = [];
  const parser = new SseAnswerParser((p) => parts.push(p), limits);
  const filler = 'x'.repeat(CHUNK);
  const t0 = performance.now();
  let longest = 0;
  const timed = (text: string) => {
    const s = performance.now();
    parser.push(text);
    longest = Math.max(longest, performance.now() - s);
  };
  timed('data: {"choices":[{"delta":{"content":"');
  for (let sent = 0; sent < chars; sent += CHUNK) timed(filler);
  // Feeding the chunks is where the old reader re-scanned the whole line; the last push joins and
  // parses the line once.
  const feedMs = performance.now() - t0;
  timed('"}}]}\n\n');
  return { ms: performance.now() - t0, feedMs, longest, parts };
}

describe('SSE reader limits', () => {
  it('stops a line longer than the line limit with a clear error', () => {
    const caught = (() => {
      try {
        feedLongLine(2 * 1024 * 1024, { lineChars: 1024 * 1024, answerChars: MAX_ANSWER_CHARS });
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(caught).toBeInstanceOf(QwenApiError);
    expect(mapQwenError(caught)).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/line longer/),
    });
  });

  it('stops an answer past the answer limit, after delivering what came before', () => {
    const parts: QwenStreamPart[] = [];
    const parser = new SseAnswerParser((p) => parts.push(p), {
      lineChars: MAX_SSE_LINE_CHARS,
      answerChars: 1000,
    });
    const event = (text: string) =>
      `data: ${JSON.stringify({ choices: [{ delta: { content: text } }] })}\n\n`;
    parser.push(event('a'.repeat(600)));
    expect(() => parser.push(event('b'.repeat(600)))).toThrow(/passed 1000 characters/);
    expect(parts).toEqual([{ type: 'delta', content: 'a'.repeat(600), reasoning: '' }]);
    try {
      parser.push(event('c'));
    } catch (err) {
      expect(mapQwenError(err).code).toBe('too_large');
    }
  });

  it('parses a 64 MB line in linear time without blocking the loop', () => {
    const limits = { lineChars: 128 * 1024 * 1024, answerChars: 128 * 1024 * 1024 };
    // The fastest of two runs each, so a garbage collection in one run does not decide the ratio.
    const best = (chars: number) =>
      [feedLongLine(chars, limits), feedLongLine(chars, limits)].sort((a, b) => a.ms - b.ms)[0]!;
    const small = best(16 * 1024 * 1024);
    const large = best(64 * 1024 * 1024);
    expect(large.parts[0]).toMatchObject({ type: 'delta' });
    expect((large.parts[0] as { content: string }).content.length).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    const ratio = large.ms / Math.max(small.ms, 1);
    console.log(
      `SSE long line: 16 MiB ${small.ms.toFixed(0)} ms, 64 MiB ${large.ms.toFixed(0)} ms in all; feeding the chunks ${small.feedMs.toFixed(0)} / ${large.feedMs.toFixed(0)} ms (ratio ${ratio.toFixed(2)} for 4x the input; quadratic would be ~16); longest push ${large.longest.toFixed(0)} ms`,
    );
    expect(ratio).toBeLessThan(9);
    // The final push joins and parses the whole line once; every other push is one small chunk.
    expect(large.longest).toBeLessThan(2000);
  }, 60_000);
});
