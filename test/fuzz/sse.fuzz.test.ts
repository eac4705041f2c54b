/**
 * Issue 9, item 5 (SSE): any chunking of a valid compatible-mode stream, split at any byte (inside a
 * multi-byte UTF-8 character, between `\r` and `\n`), decoded as qwen-client.ts decodes it, gives the
 * same parts as the stream in one piece; random bytes never throw anything but QwenApiError. (There
 * is no reader of DashScope's native protocol in electron/qwen/ yet.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QwenApiError } from '../../electron/qwen/errors';
import { SseAnswerParser, type QwenStreamPart } from '../../electron/qwen/sse';

const RUNS = 400;
const BYTE_RUNS = 1500;

function parseBytes(bytes: Uint8Array, cuts: number[]): { parts: QwenStreamPart[]; done: boolean } {
  const parts: QwenStreamPart[] = [];
  const parser = new SseAnswerParser((p) => parts.push(p));
  const decoder = new TextDecoder();
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut < from) continue;
    parser.push(decoder.decode(bytes.subarray(from, cut), { stream: true }));
    from = cut;
  }
  parser.push(decoder.decode());
  parser.end();
  return { parts, done: parser.done };
}

/** Text with ASCII, Chinese, emoji (4-byte UTF-8) and the characters JSON must escape. */
const text = fc.string({
  unit: fc.constantFrom('a', ' ', '西', '湖', '😀', '\n', '"', '\\', 'é', '\u2028'),
  maxLength: 20,
});
const event = fc.oneof(
  fc.record({ content: text, reasoning: text }).map(({ content, reasoning }) =>
    JSON.stringify({
      choices: [{ delta: { content, reasoning_content: reasoning }, index: 0, finish_reason: null }],
    }),
  ),
  fc
    .constantFrom('stop', 'length')
    .map((r) => JSON.stringify({ choices: [{ delta: {}, finish_reason: r }] })),
  fc.constant(
    JSON.stringify({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } }),
  ),
);
const stream = fc
  .record({
    events: fc.array(fc.record({ data: event, comment: fc.boolean() }), { maxLength: 12 }),
    crlf: fc.boolean(),
  })
  .map(({ events, crlf }) => {
    const nl = crlf ? '\r\n' : '\n';
    const body = events
      .map((e) => `${e.comment ? `: keep-alive${nl}` : ''}data: ${e.data}${nl}${nl}`)
      .join('');
    return new TextEncoder().encode(`${body}data: [DONE]${nl}${nl}`);
  });

describe('SSE reader fuzz', () => {
  it('gives the same parts however the bytes are chunked', () => {
    const property = fc.property(
      stream.chain((bytes) =>
        fc.tuple(
          fc.constant(bytes),
          fc.uniqueArray(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }),
        ),
      ),
      ([bytes, cuts]) => {
        const whole = parseBytes(bytes, []);
        const chunked = parseBytes(
          bytes,
          cuts.sort((a, b) => a - b),
        );
        expect(whole.done).toBe(true);
        expect(chunked).toEqual(whole);
      },
    );
    fc.assert(property, { numRuns: RUNS, seed: 9 });
    console.log(`SSE fuzz: ${RUNS} valid streams, each re-chunked at random byte offsets, same parts`);
  });

  it('never throws anything but QwenApiError on random bytes', () => {
    let refused = 0;
    const property = fc.property(
      fc.uint8Array({ maxLength: 400 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 10 }),
      fc.constantFrom('', 'data: ', 'data: {"choices":[{"delta":{"content":"'),
      (random, cuts, prefix) => {
        const head = new TextEncoder().encode(prefix);
        const bytes = new Uint8Array(head.length + random.length);
        bytes.set(head);
        bytes.set(random, head.length);
        try {
          parseBytes(
            bytes,
            cuts.filter((c) => c <= bytes.length).sort((a, b) => a - b),
          );
        } catch (err) {
          expect(err).toBeInstanceOf(QwenApiError);
          refused++;
        }
      },
    );
    fc.assert(property, { numRuns: BYTE_RUNS, seed: 10 });
    console.log(
      `SSE fuzz: ${BYTE_RUNS} random byte streams, ${refused} refused with QwenApiError, none threw otherwise`,
    );
  });
});
