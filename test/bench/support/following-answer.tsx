import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * The bench pages' answer view, laid out as the app's: one assistant message in a scrolling log
 * that follows the stream by setting scrollTop to scrollHeight whenever `follow` changes (as peer
 * apps and the naive pages do: a forced layout per update).
 */
export function FollowingAnswer({
  follow,
  status,
  children,
}: {
  follow: unknown;
  status?: string;
  children: ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = scroller.current!;
    el.scrollTop = el.scrollHeight;
  }, [follow]);
  return (
    <div className="app">
      <main className="chat">
        <div className="messages-pane">
          <div className="messages" ref={scroller}>
            <article className="message assistant" data-role="assistant" data-status={status}>
              <div className="content">{children}</div>
            </article>
          </div>
        </div>
      </main>
    </div>
  );
}
