import { memo } from 'react';
import { useT } from '../../i18n';
import type { UiMessage } from '../../state/chat-store';
import { ErrorNotice } from './ErrorNotice';

/** One message. Model output is shown as text: nothing in it is ever treated as markup. */
export const MessageItem = memo(function MessageItem({ message }: { message: UiMessage }) {
  const t = useT();
  const isUser = message.role === 'user';
  return (
    <article
      className={`message ${message.role}`}
      data-role={message.role}
      {...(isUser ? {} : { 'data-status': message.status })}
      aria-busy={message.status === 'streaming' ? true : undefined}
    >
      <header className="author">{isUser ? t('message.you') : t('message.qwen')}</header>
      <div className="content">{message.content}</div>
      {message.status === 'stopped' && <p className="note">{t('message.stopped')}</p>}
      {message.error && <ErrorNotice error={message.error} />}
    </article>
  );
});
