import type { HistoryMessage } from '../../../electron/contract';

/**
 * Joining an answer that is still streaming (a reload mid-answer; "Continue in main window"): the
 * page gets the text as main holds it now, then the stream's deltas, some of which it may already
 * hold (those sent while the page was asking). Each delta says where it starts in the stream's
 * text, so the page appends exactly what it lacks.
 */

/** How much of a joined message's text came before its stream (a continued answer's earlier text). */
export interface StreamBase {
  content: number;
  reasoning: number;
}

export function streamBaseOf(m: HistoryMessage): StreamBase | undefined {
  if (!m.streamed) return undefined;
  return {
    content: m.content.length - m.streamed.content,
    reasoning: (m.reasoning?.length ?? 0) - m.streamed.reasoning,
  };
}

/**
 * The part of `piece` (starting at offset `at` of the stream's text) that `held` does not have yet;
 * `base` is how much of `held` came before the stream. Without offsets (a stream this page started
 * and followed from its first event) the whole piece is new.
 */
export function unseenPart(
  held: string,
  piece: string,
  base: number | undefined,
  at: number | undefined,
): string {
  if (base === undefined || at === undefined) return piece;
  const have = held.length - base;
  return at >= have ? piece : piece.slice(have - at);
}
