/**
 * Bench-only pages (built by test/bench/draw-cost.bench.ts, served on browser mode's own origin so
 * they may open its bridge): they ask the real core for the same answer the app is asked for and
 * draw each `chat.event` delta as it arrives, at the rate the core sends them.
 *  - `#naive`: react-markdown re-parsing the whole answer on every delta, following the stream by
 *    setting scrollTop to scrollHeight (as peer apps do): the page the targets are measured against.
 *  - `#floor`: the delta appended to the last paragraph's textContent (a blank line starts the next
 *    one) in a bottom-anchored scroller: one text append and one paragraph layout per update, the
 *    least any renderer of the stream can do.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { BridgeMessage, ChatEvent } from '../../../electron/contract';
import { FollowingAnswer } from '../support/following-answer';
import '../../../renderer/src/styles.css';

declare global {
  interface Window {
    /** Set when the stream has ended: the number of deltas drawn. */
    benchDone?: number;
  }
}

let onDelta: (content: string) => void = () => undefined;

function NaiveView() {
  const [text, setText] = useState('');
  onDelta = (c) => setText((t) => t + c);
  return (
    <FollowingAnswer follow={text}>
      <div className="markdown">
        <ReactMarkdown remarkPlugins={[remarkGfm]}>{text}</ReactMarkdown>
      </div>
    </FollowingAnswer>
  );
}

function mountFloor(root: HTMLElement) {
  const scroller = document.createElement('div');
  // column-reverse keeps the end in view without any script reading layout.
  scroller.style.cssText = 'height:100vh;overflow:auto;display:flex;flex-direction:column-reverse';
  const out = document.createElement('div');
  out.style.cssText = 'max-width:760px;margin:0 auto;padding:16px;font:15px/1.6 sans-serif';
  scroller.append(out);
  root.append(scroller);
  // One paragraph per blank-line-separated block: an append lays out only the last one.
  let paragraph: HTMLElement | null = null;
  onDelta = (c) => {
    c.split('\n\n').forEach((part, i) => {
      if (i > 0 || !paragraph) {
        paragraph = document.createElement('p');
        paragraph.style.whiteSpace = 'pre-wrap';
        out.append(paragraph);
      }
      if (part) paragraph.textContent += part;
    });
  };
}

const root = document.body.appendChild(document.createElement('div'));
if (location.hash === '#floor') mountFloor(root);
else createRoot(root).render(<NaiveView />);

/** Called by the bench: asks the core for an answer to `question` over the bridge. */
(window as unknown as { benchAsk: (q: string, token: string) => void }).benchAsk = (question, token) => {
  const ws = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
  let deltas = 0;
  ws.onopen = () =>
    ws.send(
      JSON.stringify({
        kind: 'invoke',
        id: 1,
        channel: 'chat.start',
        arg: { model: 'qwen-plus', messages: [{ role: 'user', content: question }] },
      }),
    );
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data as string) as BridgeMessage;
    if (msg.kind !== 'event' || msg.event !== 'chat.event') return;
    const e = msg.payload as ChatEvent;
    if (e.type === 'delta' && e.content) {
      deltas++;
      onDelta(e.content);
    } else if (e.type === 'done' || e.type === 'error') window.benchDone = deltas;
  };
};
