import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ChatEvent } from '../../../../electron/contract';
import { createDeltaBatcher, type Timers } from '../../../../renderer/src/state/delta-batcher';

/** A hand-driven clock: `advance` runs the timers that come due, in order. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    set: (fn, ms) => {
      due.set(next, { at: now + ms, fn });
      return next++;
    },
    clear: (h) => due.delete(h as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const first = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!first || first[1].at > until) break;
      due.delete(first[0]);
      now = first[1].at;
      first[1].fn();
    }
    now = until;
  };
  return { timers, advance, pending: () => due.size };
}

const delta = (streamId: string, content: string, reasoning?: string): ChatEvent => ({
  type: 'delta',
  streamId,
  content,
  ...(reasoning ? { reasoning } : {}),
});

describe('delta batcher: deltas reach the store at most once per interval', () => {
  it('passes the first delta at once, holds the next ones, and merges them', () => {
    const applied: ChatEvent[] = [];
    const clock = manualTimers();
    const b = createDeltaBatcher((e) => applied.push(e), 50, clock.timers);
    b.push(delta('s', 'Hel'));
    expect(applied).toEqual([delta('s', 'Hel')]);
    clock.advance(10);
    b.push(delta('s', 'lo', 'r1'));
    clock.advance(10);
    b.push(delta('s', ' world', 'r2'));
    expect(applied).toHaveLength(1);
    clock.advance(30);
    expect(applied).toEqual([delta('s', 'Hel'), delta('s', 'lo world', 'r1r2')]);
    expect(clock.pending()).toBe(0);
  });

  it('a merged delta keeps where its first part started (a page joining the stream reads it)', () => {
    const applied: ChatEvent[] = [];
    const clock = manualTimers();
    const b = createDeltaBatcher((e) => applied.push(e), 50, clock.timers);
    const at = (content: string, from: number, reasoning = 0): ChatEvent => ({
      type: 'delta',
      streamId: 's',
      content,
      at: from,
      reasoningAt: reasoning,
    });
    b.push(at('Hel', 0));
    b.push(at('lo', 3));
    b.push(at(' world', 5));
    clock.advance(50);
    expect(applied).toEqual([at('Hel', 0), at('lo world', 3)]);
  });

  it('lets the held text through before any other event, so "done" comes after the last words', () => {
    const applied: ChatEvent[] = [];
    const clock = manualTimers();
    const b = createDeltaBatcher((e) => applied.push(e), 50, clock.timers);
    b.push(delta('s', 'a'));
    b.push(delta('s', 'b'));
    const done: ChatEvent = { type: 'done', streamId: 's', status: 'done' } as ChatEvent;
    b.push(done);
    expect(applied).toEqual([delta('s', 'a'), delta('s', 'b'), done]);
    expect(clock.pending()).toBe(0);
  });

  it('for any events and timing: each stream gets the same text in the same order, and the store changes at most once per interval', () => {
    const event = fc.oneof(
      fc.record({
        kind: fc.constant('delta' as const),
        stream: fc.constantFrom('s1', 's2'),
        content: fc.string({ maxLength: 4 }),
        reasoning: fc.option(fc.string({ minLength: 1, maxLength: 3 }), { nil: undefined }),
        wait: fc.integer({ min: 0, max: 80 }),
      }),
      fc.record({
        kind: fc.constant('done' as const),
        stream: fc.constantFrom('s1', 's2'),
        wait: fc.integer({ min: 0, max: 80 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const applied: Array<{ at: number; e: ChatEvent }> = [];
        const clock = manualTimers();
        const b = createDeltaBatcher((e) => applied.push({ at: clock.timers.now(), e }), 50, clock.timers);
        const expected: ChatEvent[] = [];
        for (const x of events) {
          clock.advance(x.wait);
          const e: ChatEvent =
            x.kind === 'delta'
              ? delta(x.stream, x.content, x.reasoning)
              : ({ type: 'done', streamId: x.stream, status: 'done' } as ChatEvent);
          expected.push(e);
          b.push(e);
        }
        clock.advance(1000);
        for (const s of ['s1', 's2']) {
          const got = applied.map((a) => a.e);
          const text = (list: ChatEvent[]) =>
            list
              .filter((e) => e.streamId === s)
              .map((e) => (e.type === 'delta' ? e.content : '\u0000'))
              .join('');
          const thought = (list: ChatEvent[]) =>
            list
              .filter((e) => e.streamId === s)
              .map((e) => (e.type === 'delta' ? (e.reasoning ?? '') : '\u0000'))
              .join('');
          expect(text(got)).toBe(text(expected));
          expect(thought(got)).toBe(thought(expected));
        }
        // The times deltas reached the store are an interval apart, unless another event (which
        // lets the held text through at once) came in between.
        const times = [...new Set(applied.filter((a) => a.e.type === 'delta').map((a) => a.at))];
        for (let i = 1; i < times.length; i++) {
          const early = applied.some(
            (a) => a.e.type !== 'delta' && a.at >= times[i - 1]! && a.at <= times[i]!,
          );
          if (!early) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(50);
        }
        expect(clock.pending()).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
