import { describe, expect, it } from 'vitest';
import { FullTextIncrements } from '../../../electron/qwen/full-text';
import { SseAnswerParser, type QwenStreamPart } from '../../../electron/qwen/sse';

const chunk = (content: string) =>
  `data: ${JSON.stringify({ choices: [{ delta: { content }, index: 0, finish_reason: null }] })}\n\n`;
const texts = (parts: QwenStreamPart[]) => parts.flatMap((p) => (p.type === 'delta' ? [p.content] : []));

describe('full-text streams (qwen-mt-plus/turbo, §6.4)', () => {
  it('turns each full text so far into the part not sent yet', () => {
    const inc = new FullTextIncrements();
    expect(['我', '我看', '我看到', '我看到', '我看到了'].map((t) => inc.next(t))).toEqual([
      '我',
      '看',
      '到',
      '',
      '了',
    ]);
  });

  it('a revision of text already shown continues from the same length (nothing is repeated)', () => {
    const inc = new FullTextIncrements();
    expect([inc.next('Hello wrld'), inc.next('Hello world'), inc.next('Hello world!')]).toEqual([
      'Hello wrld',
      'd',
      '!',
    ]);
  });

  it('the parser passes increments on, and its size limit counts the answer, not its repeats', () => {
    const parts: QwenStreamPart[] = [];
    const parser = new SseAnswerParser((p) => parts.push(p), { lineChars: 10_000, answerChars: 100 });
    parser.repeatsFullText = true;
    let full = '';
    // 40 events of a growing text: the repeats add up to 820 characters, the answer is 40.
    for (let i = 0; i < 40; i++) parser.push(chunk((full += 'x')));
    expect(texts(parts).join('')).toBe(full);
    expect(parts).toHaveLength(40);

    const incremental: QwenStreamPart[] = [];
    const plain = new SseAnswerParser((p) => incremental.push(p));
    plain.push(chunk('ab') + chunk('abc'));
    expect(texts(incremental)).toEqual(['ab', 'abc']); // other models: every delta as it came
  });
});
