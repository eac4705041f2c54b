import { useCallback, useEffect, useRef, useState } from 'react';
import { cleanPrefill } from '../../../electron/shell/launch-args';
import { qwen } from '../api/qwen';
import { AreaBoundary } from '../app/AreaBoundary';
import { ModelPicker } from '../features/chat/ModelPicker';
import { SendRefusal } from '../features/controls/SendRefusal';
import { SensitiveWarning } from '../features/chat/SensitiveWarning';
import { copyText } from '../features/markdown/copy-text';
import { isMac } from '../features/shortcuts/shortcuts';
import { useLocale, useT } from '../i18n';
import { connectChatEvents, useChatStore } from '../state/chat-store';
import { useSettingsStore } from '../state/settings-store';
import '../state/theme-store';
import { QuickAnswer } from './QuickAnswer';
import { QuickComposer } from './QuickComposer';
import { DropOverlay, useFileIntake } from '../features/attachments';
import { attachToQuick, quickAttachments, quickWindowAttachments } from './quick-attachments';
import { continueInMainPage } from './windows-channel';
import { QuickTranslateToggle, TranslateControls } from '../features/translate';
import './quick.css';

/**
 * The quick window (`?window=quick`, issue 11): a question box, the model in small, the answer
 * streaming as Markdown, and Copy answer / New question / Continue in main window. The page is
 * loaded once, hidden, and never rebuilt on show: a `quick.shown` event only focuses the box (and
 * pre-fills it from `--quick-ask "…"` or a link; pre-filled text is never sent by itself).
 */
export function QuickApp() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [text, setText] = useState(() => prefillFromAddress() ?? '');
  const [pinned, setPinned] = useState(false);
  const [status, setStatus] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const conversationId = useChatStore((s) => s.conversationId);
  const answer = useChatStore((s) => s.messages.findLast((m) => m.role === 'assistant'));

  useEffect(() => connectChatEvents(), []);
  useEffect(() => void useSettingsStore.getState().load(), []);
  // A new quick question starts from Settings' defaults (model and parameters), as a new chat does.
  const settingsLoaded = useSettingsStore((s) => s.view !== null);
  useEffect(() => {
    if (settingsLoaded && useChatStore.getState().conversationId === null)
      useChatStore.getState().applyDefaults();
  }, [settingsLoaded]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('quick.title');
  }, [locale, t]);
  useEffect(() => {
    const off = qwen().on('quick.shown', ({ prefill }) => {
      if (prefill !== null) setText(prefill);
      box.current?.focus();
    });
    // A first launch's pre-fill may have been sent before this page listened.
    void qwen()
      .invoke('quick.pending', undefined)
      .then((r) => r.ok && r.value.prefill !== null && setText(r.value.prefill));
    return off;
  }, []);
  useGrowWithContent(root);
  // Paste or drop a screenshot anywhere on the window (issue 10's intake).
  const dragging = useFileIntake(attachToQuick);

  const copyAnswer = useCallback(async () => {
    if (!answer?.content) return;
    setStatus((await copyText(answer.content)) ? t('actions.copied') : '');
  }, [answer, t]);
  const newQuestion = () => {
    useChatStore.getState().newChat();
    quickAttachments.getState().clear();
    setText('');
    setStatus('');
    box.current?.focus();
  };
  const continueInMain = async () => {
    if (conversationId === null) return;
    const result = await qwen().invoke('quick.continueInMain', { conversationId });
    if (!(result.ok && result.value.shown)) await continueInMainPage(conversationId);
  };
  const togglePin = () => {
    const next = !pinned;
    setPinned(next);
    void qwen().invoke('quick.pin', { pinned: next });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey : e.ctrlKey;
      if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'c') {
        e.preventDefault();
        void copyAnswer();
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        // Esc hides the window (the answer keeps streaming, and is there on the next show).
        e.preventDefault();
        void qwen().invoke('quick.hide', undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [copyAnswer]);

  return (
    <div className="quick" ref={root}>
      <header className="quick-header">
        <h1>{t('quick.title')}</h1>
        <ModelPicker />
        <QuickTranslateToggle />
        <button type="button" className="quick-pin" aria-pressed={pinned} onClick={togglePin}>
          {t('quick.pin')}
        </button>
      </header>
      <main className="quick-body">
        <AreaBoundary area="boundary.area.messages" resetKey={conversationId}>
          <QuickAnswer />
        </AreaBoundary>
        <SendRefusal />
        <SensitiveWarning setText={setText} attachments={quickWindowAttachments} />
        <TranslateControls compact />
        <QuickComposer ref={box} text={text} setText={setText} />
      </main>
      <footer className="quick-actions">
        <button type="button" disabled={!answer?.content} onClick={() => void copyAnswer()}>
          {t('quick.copy')}
        </button>
        <button type="button" onClick={newQuestion}>
          {t('quick.new')}
        </button>
        <button type="button" disabled={conversationId === null} onClick={() => void continueInMain()}>
          {t('quick.continueInMain')}
        </button>
        <span role="status" className="quick-status">
          {status}
        </span>
      </footer>
      <DropOverlay visible={dragging} />
    </div>
  );
}

/** Browser mode's pre-fill: `?window=quick&q=…`, cleaned the way the shell cleans a link's text. */
function prefillFromAddress(): string | null {
  const q = new URLSearchParams(window.location.search).get('q');
  return q === null ? null : cleanPrefill(q);
}

/** Tells the shell the content's height, so the window grows with the answer (then scrolls). */
function useGrowWithContent(root: React.RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let sent = 0;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const height = Math.ceil(el.scrollHeight);
        if (height !== sent && height > 0) {
          sent = height;
          void qwen().invoke('quick.resize', { height: Math.min(height, 10_000) });
        }
      });
    });
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [root]);
}
