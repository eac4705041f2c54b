import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import type { UiMessage } from '../../state/chat-store';
import { regenerate } from '../../state/message-actions';
import { agoWords } from './ago';

/**
 * Issue 14, item 5: an answer that came from the local answer cache says so ("From cache · 2 h
 * ago"; it cost nothing) and offers "Ask again", which asks Qwen anew (a sibling answer, like
 * Regenerate) and keeps the new answer in the cache instead.
 */
export function CachedNote({ message, busy }: { message: UiMessage; busy: boolean }) {
  const t = useT();
  const savedAt = message.usage?.fromCache?.savedAt;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (savedAt === undefined || message.status !== 'done') return null;
  return (
    <p className="note cached-note">
      <span>{t('cache.from', { ago: agoWords(savedAt, now, t) })}</span>
      <button
        type="button"
        className="link-button"
        disabled={busy || message.conversationId === undefined}
        onClick={() => void regenerate(message.id)}
      >
        {t('cache.askAgain')}
      </button>
    </p>
  );
}
