import { useEffect } from 'react';
import { useChatStore } from '../../state/chat-store';

/**
 * Brings the focused message (a search hit) into view and gives it keyboard focus, once the list
 * has rendered it (after the list's own scroll to the end).
 */
export function useFocusMessage(): void {
  const focusId = useChatStore((s) => s.focusMessageId);
  const messages = useChatStore((s) => s.messages);
  useEffect(() => {
    if (!focusId) return;
    const index = messages.findIndex((m) => m.id === focusId);
    if (index < 0) return;
    const frame = requestAnimationFrame(() => {
      const article = document.querySelectorAll<HTMLElement>('[role="log"] article')[index];
      if (!article) return;
      article.tabIndex = -1;
      article.scrollIntoView({ block: 'center' });
      article.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [focusId, messages]);
}
