import { memo } from 'react';
import { useT } from '../../i18n';
import type { UiMessage } from '../../state/chat-store';
import { retry } from '../../state/message-actions';
import { Markdown } from '../markdown/Markdown';
import { ErrorNotice } from './ErrorNotice';
import { MessageActions } from './MessageActions';
import { RetryCountdown } from './RetryCountdown';
import { SiblingNavigator } from './SiblingNavigator';
import { SourcesList } from './SourcesList';
import { ThinkingSection } from './ThinkingSection';
import { UsageLine } from './UsageLine';
import { MessageAttachments } from '../attachments';
import { CachedNote } from '../answer-cache/CachedNote';
import { ImageAnswer } from '../imagegen';

/**
 * One message. A question is shown as the person typed it; an answer as Markdown, rendered by
 * components that never turn model output into live markup.
 */
export const MessageItem = memo(function MessageItem({
  message,
  busy,
  highlighted,
}: {
  message: UiMessage;
  /** Some answer is streaming: actions that ask Qwen again wait. */
  busy: boolean;
  highlighted?: boolean;
}) {
  const t = useT();
  const isUser = message.role === 'user';
  const streaming = message.status === 'streaming';
  return (
    <article
      className={`message ${message.role}${highlighted ? ' highlighted' : ''}`}
      data-role={message.role}
      data-message-id={message.id}
      {...(isUser ? {} : { 'data-status': message.status })}
      aria-busy={streaming ? true : undefined}
    >
      <header className="author">{isUser ? t('message.you') : t('message.qwen')}</header>
      {message.reasoning && <ThinkingSection message={message} />}
      {isUser && message.attachments && <MessageAttachments attachments={message.attachments} />}
      {isUser ? (
        <div className="content plain">{message.content}</div>
      ) : (
        <div className="content">
          <Markdown
            text={message.content}
            streaming={streaming}
            {...(message.usage?.search?.sources.length ? { sources: message.usage.search.sources } : {})}
          />
        </div>
      )}
      {message.imageJob && <ImageAnswer saved={message.imageJob} />}
      {message.usage?.search && message.usage.search.sources.length > 0 && (
        <SourcesList sources={message.usage.search.sources} />
      )}
      {message.retry && streaming && <RetryCountdown retry={message.retry} />}
      {message.status === 'stopped' && <p className="note">{t('message.stopped')}</p>}
      <CachedNote message={message} busy={busy} />
      {message.status === 'done' && message.finishReason === 'length' && (
        <p className="note">{t('message.cut')}</p>
      )}
      {message.error && (
        <ErrorNotice
          error={message.error}
          onRetry={message.status === 'error' ? () => void retry(message.id) : undefined}
        />
      )}
      <footer className="message-footer">
        {message.siblingCount !== undefined && message.siblingCount > 1 && (
          // The history counts siblings from 0; people count from 1.
          <SiblingNavigator
            id={message.id}
            index={(message.siblingIndex ?? 0) + 1}
            count={message.siblingCount}
          />
        )}
        <MessageActions message={message} busy={busy} />
        {message.usage && !message.usage.fromCache && (
          <UsageLine usage={message.usage} model={message.model} />
        )}
      </footer>
    </article>
  );
});
