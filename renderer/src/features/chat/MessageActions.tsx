import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import type { UiMessage } from '../../state/chat-store';
import { canContinue, continueAnswer, deleteMessage, regenerate } from '../../state/message-actions';
import { copyText } from '../markdown/copy-text';
import { useComposer } from './composer-store';

/** The toolbar under a message: copy (as Markdown), edit, regenerate, continue, delete. */
export function MessageActions({ message, busy }: { message: UiMessage; busy: boolean }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  if (message.status === 'streaming') return null;
  const isUser = message.role === 'user';
  return (
    <div role="toolbar" aria-label={t('actions.label')} className="message-actions">
      {message.content && (
        <button type="button" onClick={() => void copyText(message.content).then(setCopied)}>
          {copied ? t('actions.copied') : t('actions.copy')}
        </button>
      )}
      {isUser && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            useComposer.getState().startEditing(message.id, message.content, message.attachments)
          }
        >
          {t('actions.edit')}
        </button>
      )}
      {!isUser && message.status !== 'error' && (
        <button type="button" disabled={busy} onClick={() => void regenerate(message.id)}>
          {t('actions.regenerate')}
        </button>
      )}
      {canContinue(message) && (
        <button type="button" disabled={busy} onClick={() => void continueAnswer(message.id)}>
          {t('actions.continue')}
        </button>
      )}
      <button type="button" disabled={busy} onClick={() => void deleteMessage(message.id)}>
        {t('actions.delete')}
      </button>
    </div>
  );
}
