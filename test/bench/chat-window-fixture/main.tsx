/**
 * Bench-only page (built by test/bench/chat-window.bench.ts): the app's real Markdown renderer and
 * message list, a naive renderer for comparison (react-markdown re-parsing the whole message on
 * every chunk, as peer apps do), and hooks the bench drives through `window.bench`.
 */
import { useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Markdown } from '../../../renderer/src/features/markdown/Markdown';
import { MessageList } from '../../../renderer/src/features/chat/MessageList';
import { useChatStore, type UiMessage } from '../../../renderer/src/state/chat-store';
import { FollowingAnswer } from '../support/following-answer';
import { STREAM_REPAINT_MS } from '../../../renderer/src/state/delta-batcher';
import '../../../renderer/src/styles.css';

type Kind = 'optimized' | 'naive';
let setText: ((t: { text: string; streaming: boolean }) => void) | null = null;
let root: Root | null = null;

function StreamView({ kind }: { kind: Kind }) {
  const [state, set] = useState({ text: '', streaming: true });
  setText = set;
  return (
    <FollowingAnswer follow={state} status={state.streaming ? 'streaming' : 'done'}>
      {kind === 'optimized' ? (
        <Markdown text={state.text} streaming={state.streaming} />
      ) : (
        <div className="markdown">
          <ReactMarkdown remarkPlugins={[remarkGfm]}>{state.text}</ReactMarkdown>
        </div>
      )}
    </FollowingAnswer>
  );
}

function mount(node: React.ReactNode) {
  root?.unmount();
  const el = document.getElementById('root')!;
  root = createRoot(el);
  flushSync(() => root!.render(node));
}

declare global {
  interface Window {
    bench: {
      /** Streams `tokens` at `rate` tokens/s, one update per animation frame (as the engine coalesces). */
      stream(
        kind: Kind,
        tokens: string[],
        rate: number,
      ): Promise<{ ms: number; updates: number; longTasks: number[] }>;
      /** Puts `count` messages in the store and mounts the message list; resolves after the first paint. */
      open(
        count: number,
      ): Promise<{ firstPaintMs: number; domNodes: number; articles: number; newestVisible: boolean }>;
    };
  }
}

function observeLongTasks(): { stop(): number[] } {
  const seen: number[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push(Math.round(e.duration));
  });
  obs.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      obs.disconnect();
      return seen;
    },
  };
}

window.bench = {
  async stream(kind, tokens, rate) {
    mount(<StreamView kind={kind} />);
    const tasks = observeLongTasks();
    const t0 = performance.now();
    let sent = 0;
    let text = '';
    let updates = 0;
    await new Promise<void>((resolve) => {
      // The app's store hands deltas on at most once per STREAM_REPAINT_MS (delta-batcher.ts); the
      // naive renderer takes every frame's.
      const every = kind === 'optimized' ? STREAM_REPAINT_MS : 0;
      let last = -Infinity;
      const frame = () => {
        const now = performance.now();
        const due = Math.min(tokens.length, Math.floor(((now - t0) / 1000) * rate));
        if (due > sent && (now - last >= every || due === tokens.length)) {
          last = now;
          text += tokens.slice(sent, due).join('');
          sent = due;
          updates++;
          setText!({ text, streaming: sent < tokens.length });
        }
        if (sent < tokens.length) requestAnimationFrame(frame);
        else resolve();
      };
      requestAnimationFrame(frame);
    });
    await new Promise((r) => setTimeout(r, 100));
    return { ms: performance.now() - t0, updates, longTasks: tasks.stop() };
  },

  async open(count) {
    const messages: UiMessage[] = Array.from({ length: count }, (_, i) =>
      i % 2 === 0
        ? { id: `m${i}`, role: 'user', content: `Question ${i}: how does item ${i} work?` }
        : {
            id: `m${i}`,
            role: 'assistant',
            status: 'done',
            content: `Message ${i}. It **works** like this:\n\n- step one\n- step two\n\n\`\`\`js\nconst x = ${i};\n\`\`\``,
          },
    );
    const t0 = performance.now();
    useChatStore.setState({ messages });
    mount(
      <div className="app">
        <main className="chat">
          <MessageList />
        </main>
      </div>,
    );
    // The frame that shows the newest messages: after the next rAF, the paint follows.
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const firstPaintMs = performance.now() - t0;
    const newest = document.querySelector(`[data-message-id="m${count - 1}"]`);
    const log = document.querySelector('[role="log"]')!.getBoundingClientRect();
    const box = newest?.getBoundingClientRect();
    return {
      firstPaintMs,
      domNodes: document.getElementsByTagName('*').length,
      articles: document.querySelectorAll('article').length,
      newestVisible: !!box && box.bottom <= log.bottom + 1 && box.top >= log.top - 1,
    };
  },
};
