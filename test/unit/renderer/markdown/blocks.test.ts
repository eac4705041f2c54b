import { describe, expect, it } from 'vitest';
import {
  BlockSplitter,
  emptyBlockCache,
  lexMarkdown,
  splitBlocks,
} from '../../../../renderer/src/features/markdown/blocks';

const DOC = [
  '# Title',
  '',
  'A paragraph with $x^2$ inline.',
  '',
  '$$',
  'a + b',
  '',
  '= c',
  '$$',
  '',
  '- one',
  '- two',
  '',
  '```ts',
  'const x = 1;',
  '',
  'const y = 2;',
  '```',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
  'The end.',
].join('\n');

/** Feeds `text` in chunks of `size` characters, as a stream does. */
function stream(text: string, size: number) {
  let cache = emptyBlockCache();
  const seen: Array<ReturnType<typeof splitBlocks>['blocks']> = [];
  for (let end = size; end < text.length + size; end += size) {
    const r = splitBlocks(text.slice(0, end), cache, false);
    cache = r.cache;
    seen.push(r.blocks);
  }
  return { cache, seen };
}

const shape = (tokens: ReturnType<typeof lexMarkdown>) =>
  tokens.filter((t) => t.type !== 'space').map((t) => [t.type, t.raw.trim()]);

describe('incremental block splitting', () => {
  it('ends with the same blocks as lexing the whole text, for any chunk size', () => {
    const whole = shape(lexMarkdown(DOC));
    for (const size of [1, 3, 7, 50]) {
      const { cache } = stream(DOC, size);
      const final = splitBlocks(DOC, cache, true).blocks;
      expect(shape(final)).toEqual(whole);
    }
  });

  it('keeps finished blocks as the same objects while the tail grows (so they are never re-rendered)', () => {
    const { seen } = stream(DOC, 5);
    const last = seen.at(-1)!;
    const heading = last[0]!;
    expect(heading.type).toBe('heading');
    // From the moment the heading was finished, every later split returned that very token.
    const firstWith = seen.findIndex((blocks) => blocks.length > 2 && blocks[0]!.type === 'heading');
    for (const blocks of seen.slice(firstWith + 1)) expect(blocks[0]).toBe(heading);
  });

  it('treats an unclosed $$ block as one growing math block, not paragraphs', () => {
    const r = splitBlocks('Intro\n\n$$\na + b\n\n= c', emptyBlockCache(), false);
    const math = r.blocks.find((t) => t.type === 'math') as unknown as { text: string };
    expect(math.text).toBe('a + b\n\n= c');
    expect(r.cache.stablePrefix).toBe('Intro\n\n');
  });

  it('lets Continue extend the last paragraph of a finished answer (the cache never freezes it)', () => {
    const splitter = new BlockSplitter();
    splitter.split('Step one: mix the flour.', true);
    const continued = splitter.split('Step one: mix the flour. Step two: knead the dough.', false);
    expect(continued.map((t) => t.type)).toEqual(['paragraph']);
    expect(continued[0]!.raw).toBe('Step one: mix the flour. Step two: knead the dough.');
  });

  it('starts over when the text no longer extends what was cached (an edit)', () => {
    const a = splitBlocks('# A\n\nmore', emptyBlockCache(), false);
    const b = splitBlocks('# B\n\nother', a.cache, false);
    expect(b.blocks[0]!.raw).toBe('# B');
  });

  it('reads inline math but leaves prices alone', () => {
    const [p] = lexMarkdown('Costs $5 and $10; area $\\pi r^2$ and \\(a+b\\).');
    const maths = (p as { tokens: Array<{ type: string; text?: string }> }).tokens.filter(
      (t) => t.type === 'math',
    );
    expect(maths.map((m) => m.text)).toEqual(['\\pi r^2', 'a+b']);
  });
});
