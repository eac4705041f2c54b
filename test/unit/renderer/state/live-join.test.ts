import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryMessage } from '../../../../electron/contract';
import { streamBaseOf, unseenPart } from '../../../../renderer/src/state/live-join';

describe('joining a live stream', () => {
  it('appends only what the page lacks: a delta already held adds nothing, one overlapping adds its tail', () => {
    // The page holds "Earlier. Hello wor" of which "Hello wor" (9 chars) came from the stream.
    const held = 'Earlier. Hello wor';
    const base = 'Earlier. '.length;
    expect(unseenPart(held, 'Hello', base, 0)).toBe('');
    expect(unseenPart(held, ' world', base, 5)).toBe('ld');
    expect(unseenPart(held, '!', base, 11)).toBe('!');
    // A stream this page followed from its start carries no base: every piece is new.
    expect(unseenPart('abc', 'abc', undefined, 0)).toBe('abc');
  });

  it('reads the base from what history.open said the stream sent', () => {
    const m = { content: 'Earlier. Hello', reasoning: 'think', streamed: { content: 5, reasoning: 5 } };
    expect(streamBaseOf(m as HistoryMessage)).toEqual({ content: 9, reasoning: 0 });
    expect(streamBaseOf({ content: 'x', reasoning: null } as HistoryMessage)).toBeUndefined();
  });

  it('whatever the snapshot point and however many held deltas are replayed, the text comes out whole', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (earlier, pieces, snapAt, replayFrom) => {
          const offsets = pieces.map((_, i) => pieces.slice(0, i).join('').length);
          const snap = snapAt % (pieces.length + 1); // deltas included in the snapshot
          const from = Math.min(replayFrom % (pieces.length + 1), snap); // held deltas replayed (some old)
          let text = earlier + pieces.slice(0, snap).join('');
          const base = text.length - pieces.slice(0, snap).join('').length;
          for (let i = from; i < pieces.length; i++) text += unseenPart(text, pieces[i]!, base, offsets[i]);
          expect(text).toBe(earlier + pieces.join(''));
        },
      ),
    );
  });
});
