import { useEffect, useRef, type RefObject } from 'react';

/** How long after the last wheel, key or pointer input scroll events still count as the person's. */
const USER_SCROLL_MS = 250;

/**
 * Following a stream without reading layout on each update. The end of the log is a sentinel that
 * is the scroller's only scroll anchor (`overflow-anchor`, chat.css): while it is in view, Chromium
 * keeps it in place as the answer above it grows, in the same layout pass, so no script sets or
 * reads scroll positions per frame. An IntersectionObserver (computed after layout, no forced
 * layout) says when the sentinel comes into or leaves view: back in view means at the latest
 * message; out of view while following and not moved by the person (scroll anchoring is not
 * applied at offset 0, or was suppressed) puts the view back at the end.
 *
 * `userScrolling()` tells the scroll handler whether a scroll event may be the person's (wheel,
 * keys, pointer or touch input within USER_SCROLL_MS): only then does it read positions. The
 * scroll events of the stream's own anchoring adjustments are skipped.
 */
export function useFollowBottom(
  scroller: RefObject<HTMLElement | null>,
  sentinel: RefObject<HTMLElement | null>,
  stickPx: number,
  handlers: { following: () => boolean; reachedBottom: () => void; lostBottom: () => void },
): { userScrolling: () => boolean; noteUserInput: () => void } {
  const lastInput = useRef(-Infinity);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const root = scroller.current;
    const end = sentinel.current;
    if (!root || !end || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1);
        if (!entry) return;
        if (entry.isIntersecting) latest.current.reachedBottom();
        else if (latest.current.following() && performance.now() - lastInput.current > USER_SCROLL_MS)
          latest.current.lostBottom();
      },
      { root, rootMargin: `0px 0px ${stickPx}px 0px` },
    );
    observer.observe(end);
    return () => observer.disconnect();
  }, [scroller, sentinel, stickPx]);

  return {
    userScrolling: () => performance.now() - lastInput.current <= USER_SCROLL_MS,
    noteUserInput: () => {
      lastInput.current = performance.now();
    },
  };
}
