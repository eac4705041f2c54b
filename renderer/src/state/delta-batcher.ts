import type { ChatEvent } from '../../../electron/contract';

/**
 * How often a streaming answer is repainted. The engine delivers about one delta per frame; text
 * appearing 20 times a second reads as smooth, and each repaint costs style, layout and paint for
 * the window, so the renderer does not repaint on every frame.
 */
export const STREAM_REPAINT_MS = 50;

type DeltaEvent = Extract<ChatEvent, { type: 'delta' }>;

/** A timer source (setTimeout by default; tests pass their own clock). */
export interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => performance.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Hands stream events on to `apply`, with a stream's deltas merged so the store (and every view of
 * it) changes at most once every `ms`: the engine sends about one delta per frame, and each store
 * change re-renders the list and re-lays out the answer, while text arriving 20 times a second
 * reads as smooth. The first delta after a pause goes at once (no added latency to the first
 * token); any other event first lets the held deltas through, so the order of events is kept.
 */
export function createDeltaBatcher(
  apply: (event: ChatEvent) => void,
  ms: number,
  timers: Timers = realTimers,
) {
  const held = new Map<string, DeltaEvent>();
  let timer: unknown = null;
  let lastFlush = -Infinity;

  function flush(): void {
    if (timer !== null) timers.clear(timer);
    timer = null;
    lastFlush = timers.now();
    const events = [...held.values()];
    held.clear();
    events.forEach(apply);
  }

  return {
    push(event: ChatEvent): void {
      if (event.type !== 'delta') {
        flush();
        apply(event);
        return;
      }
      const before = held.get(event.streamId);
      const reasoning = (before?.reasoning ?? '') + (event.reasoning ?? '');
      // A merged delta starts where its first part did (live-join.ts reads these offsets).
      const at = before ? before.at : event.at;
      const reasoningAt = before ? before.reasoningAt : event.reasoningAt;
      held.set(event.streamId, {
        ...event,
        content: (before?.content ?? '') + event.content,
        ...(reasoning ? { reasoning } : {}),
        ...(at !== undefined ? { at } : {}),
        ...(reasoningAt !== undefined ? { reasoningAt } : {}),
      });
      if (timer !== null) return;
      const wait = lastFlush + ms - timers.now();
      if (wait <= 0) flush();
      else timer = timers.set(flush, wait);
    },
    /** Lets everything held through now. */
    flush,
  };
}
