import { useEffect } from 'react';
import { useChatStore } from '../../state/chat-store';
import { scrollToMessage } from '../chat/scroll-to-message';

/**
 * Brings the focused message (a search hit) into view, highlighted and with keyboard focus. The
 * message list is virtualized, so it alone knows where a message sits; this hands it the request.
 */
export function useFocusMessage(): void {
  const focusId = useChatStore((s) => s.focusMessageId);
  useEffect(() => {
    if (focusId) scrollToMessage(focusId);
  }, [focusId]);
}
