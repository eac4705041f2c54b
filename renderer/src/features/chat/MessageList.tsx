import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { MessageItem } from './MessageItem';
import { useScrollRequest } from './scroll-to-message';
import { useFollowBottom } from './follow-bottom';

function toBottomNow(el: HTMLElement | null): void {
  if (el) el.scrollTop = el.scrollHeight;
}

/** Puts the view `fromBottom` px above the end (the same messages in view after a prepend). */
function keepFromBottom(el: HTMLElement, fromBottom: number): void {
  el.scrollTop = el.scrollHeight - fromBottom;
}

/** How close to the bottom (px) still counts as "at the latest message". */
const STICK_PX = 48;
const HIGHLIGHT_MS = 2500;
/** How close to the top (px) starts loading the previous page of a long conversation. */
const LOAD_OLDER_PX = 600;

/**
 * The conversation, virtualized: only the messages on screen (and a few around) are in the DOM,
 * each measured as it renders, so a 10,000-message conversation costs what one screen costs. The
 * view follows a streaming answer until the person scrolls up; then "Jump to latest" appears.
 */
export function MessageList() {
  const t = useT();
  const messages = useChatStore((s) => s.messages);
  const busy = messages.some((m) => m.status === 'streaming');
  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(true);
  const [highlight, setHighlight] = useState<string | null>(null);

  const older = useOlderPages(scroller, messages[0]?.id);

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 120,
    overscan: 4,
    getItemKey: (i) => messages[i]!.id,
  });

  const total = virtualizer.getTotalSize();

  const toBottom = useCallback(() => toBottomNow(scroller.current), []);

  // A new message: to the end while the person has not scrolled away. As the answer (or a row
  // being measured) grows, the end's scroll anchor keeps it in view (follow-bottom.ts).
  useLayoutEffect(() => {
    if (followingRef.current) toBottom();
  }, [messages.length, toBottom]);

  // A new question always brings the view back to the bottom.
  const lastUserId = messages.findLast((m) => m.role === 'user')?.id;
  useLayoutEffect(() => {
    if (!lastUserId) return;
    followingRef.current = true;
    setFollowing(true);
    toBottom();
  }, [lastUserId, toBottom]);

  // Only the person scrolling up stops the following: the virtualizer's own adjustments (a row
  // above growing) and content growing under the view never do.
  const lastTop = useRef(0);
  // After "Jump to latest", until the bottom is reached: rows rendered on the way measure smaller
  // than their estimate and the virtualizer moves the view up to keep them in place, which is not
  // the person scrolling away (on a busy machine that correction could stop the following).
  const jumping = useRef(false);
  const end = useRef<HTMLDivElement>(null);
  const startFollowing = () => {
    jumping.current = false;
    if (followingRef.current) return;
    followingRef.current = true;
    setFollowing(true);
  };
  const bottom = useFollowBottom(scroller, end, STICK_PX, {
    following: () => followingRef.current,
    reachedBottom: startFollowing,
    lostBottom: toBottom,
  });
  /** Wheel, keys, pointer, touch: the scroll events that follow may be the person's. */
  const onInput = bottom.noteUserInput;
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // While an answer streams and the view follows it, scroll events are the end's anchor moving
    // the view: reading positions here would force a layout on every update. The view is at the
    // end, so any position the person scrolls to next, short of the end, is up.
    if (busy && followingRef.current && !jumping.current && !bottom.userScrolling()) {
      lastTop.current = Infinity;
      return;
    }
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_PX;
    if (atBottom) jumping.current = false;
    const movedUp = !jumping.current && el.scrollTop < lastTop.current - 1;
    lastTop.current = el.scrollTop;
    const follow = atBottom || (followingRef.current && !movedUp);
    if (el.scrollTop < LOAD_OLDER_PX) older.load();
    if (follow !== followingRef.current) {
      followingRef.current = follow;
      setFollowing(follow);
    }
  };

  const rowRef = useCallback((el: HTMLDivElement | null) => virtualizer.measureElement(el), [virtualizer]);

  // Scroll-to-message requests (search results).
  const target = useScrollRequest((s) => s.target);
  useEffect(() => {
    if (!target) return;
    const index = messages.findIndex((m) => m.id === target.id);
    if (index < 0) return;
    followingRef.current = false;
    setFollowing(false);
    virtualizer.scrollToIndex(index, { align: 'center' });
    setHighlight(target.id);
    // Keyboard focus follows, once the virtualizer has rendered the row.
    let frame = requestAnimationFrame(function focusWhenRendered(tries = 0) {
      const article = scroller.current?.querySelector<HTMLElement>(
        `[data-message-id="${CSS.escape(target.id)}"]`,
      );
      if (article) {
        article.tabIndex = -1;
        article.focus({ preventScroll: true });
      } else if (tries < 30) frame = requestAnimationFrame(() => focusWhenRendered(tries + 1));
    });
    const timer = setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
    // Only a new request scrolls; messages changing later must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  const hasNewer = useChatStore((s) => s.hasNewer);
  const jump = () => {
    jumping.current = true;
    followingRef.current = true;
    setFollowing(true);
    // Opened at a search hit deep in a long conversation: the newest page replaces this one.
    const open = useChatStore.getState().conversationId;
    if (hasNewer && open !== null) {
      void useChatStore.getState().openConversation(open);
      return;
    }
    virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
    requestAnimationFrame(toBottom);
  };

  return (
    <div className="messages-pane">
      <div
        ref={scroller}
        role="log"
        aria-label={t('messages.label')}
        aria-live="polite"
        className="messages"
        onScroll={onScroll}
        onWheel={() => {
          jumping.current = false;
          onInput();
        }}
        onKeyDown={onInput}
        onPointerDown={onInput}
        onTouchStart={onInput}
      >
        {messages.length === 0 && <p className="empty">{t('messages.empty')}</p>}
        <div className="messages-track" style={{ height: total }}>
          {virtualizer.getVirtualItems().map((item) => {
            const message = messages[item.index]!;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={rowRef}
                className="messages-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <MessageItem message={message} busy={busy} highlighted={highlight === message.id} />
              </div>
            );
          })}
        </div>
        <div ref={end} className="messages-end" aria-hidden="true" />
      </div>
      {older.loading && (
        <p role="status" className="loading-older">
          {t('messages.loadingOlder')}
        </p>
      )}
      {(!following || hasNewer) && messages.length > 0 && (
        <button type="button" className="jump-latest" onClick={jump}>
          {t('messages.jumpToLatest')}
        </button>
      )}
    </div>
  );
}

/**
 * Long conversations open on their newest page; scrolling near the top loads the page before it
 * (`loadOlder`). The view stays on the messages the person was reading: the distance from the
 * bottom is kept across the prepend, and the virtualizer keeps it as rows above are measured.
 */
function useOlderPages(scroller: RefObject<HTMLDivElement | null>, firstId: string | undefined) {
  const olderCount = useChatStore((s) => s.olderCount);
  const conversationId = useChatStore((s) => s.conversationId);
  const [loading, setLoading] = useState(false);
  const busy = useRef(false);
  const anchor = useRef<{
    conversationId: number | null;
    firstId: string | undefined;
    fromBottom: number;
  } | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    const a = anchor.current;
    if (!el || !a || a.firstId === firstId) return;
    anchor.current = null;
    if (a.conversationId === conversationId) keepFromBottom(el, a.fromBottom);
  }, [firstId, conversationId, scroller]);

  const load = () => {
    const el = scroller.current;
    if (!el || busy.current || olderCount <= 0) return;
    busy.current = true;
    setLoading(true);
    anchor.current = { conversationId, firstId, fromBottom: el.scrollHeight - el.scrollTop };
    void useChatStore
      .getState()
      .loadOlder()
      .finally(() => {
        // By the next frame the new page has rendered (and used the anchor) or nothing came.
        requestAnimationFrame(() => {
          anchor.current = null;
          busy.current = false;
          setLoading(false);
        });
      });
  };
  return { loading, load };
}
