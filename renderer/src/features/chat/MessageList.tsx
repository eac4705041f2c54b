import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { MessageItem } from './MessageItem';

export function MessageList() {
  const t = useT();
  const messages = useChatStore((s) => s.messages);
  const end = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1];

  // Follow the answer as it streams in.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, last?.content.length]);

  return (
    <div role="log" aria-label={t('messages.label')} aria-live="polite" className="messages">
      {messages.length === 0 && <p className="empty">{t('messages.empty')}</p>}
      {messages.map((m) => (
        <MessageItem key={m.id} message={m} />
      ))}
      <div ref={end} />
    </div>
  );
}
