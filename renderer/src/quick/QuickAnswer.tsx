import { useT } from '../i18n';
import { useChatStore } from '../state/chat-store';
import { ErrorNotice } from '../features/chat/ErrorNotice';
import { Markdown } from '../features/markdown/Markdown';
import { MessageAttachments } from '../features/attachments';
import { retry } from '../state/message-actions';
import { CachedNote } from '../features/answer-cache/CachedNote';

/**
 * The quick conversation: each question as typed, each answer as the same Markdown the main
 * window renders. Short by nature, so no virtualizer; the area scrolls past the window's maximum.
 */
export function QuickAnswer() {
  const t = useT();
  const messages = useChatStore((s) => s.messages);
  if (messages.length === 0) return null;
  return (
    <div className="quick-messages" aria-live="polite">
      {messages.map((m) =>
        m.role === 'user' ? (
          <article key={m.id} className="message user" data-role="user">
            {m.attachments && <MessageAttachments attachments={m.attachments} />}
            <div className="content plain">{m.content}</div>
          </article>
        ) : (
          <article
            key={m.id}
            className="message assistant"
            data-role="assistant"
            data-status={m.status}
            aria-busy={m.status === 'streaming' ? true : undefined}
          >
            <div className="content">
              <Markdown text={m.content} streaming={m.status === 'streaming'} />
            </div>
            {m.status === 'stopped' && <p className="note">{t('message.stopped')}</p>}
            <CachedNote message={m} busy={messages.some((x) => x.status === 'streaming')} />
            {m.error && (
              <ErrorNotice
                error={m.error}
                onRetry={m.status === 'error' ? () => void retry(m.id) : undefined}
              />
            )}
          </article>
        ),
      )}
    </div>
  );
}
