import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useChatStore, type UiMessage } from '../../state/chat-store';
import {
  canContinue,
  continueAnswer,
  deleteLabel,
  deleteMessage,
  regenerate,
} from '../../state/message-actions';
import { copyText } from '../markdown/copy-text';
import { useComposer } from './composer-store';

/** The toolbar under a message: copy (as Markdown), edit, regenerate, continue, delete. */
export function MessageActions({ message, busy }: { message: UiMessage; busy: boolean }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  // How many messages after this one would go with it (a number: re-renders only when it changes).
  const after = useChatStore((s) => {
    const at = s.messages.findIndex((m) => m.id === message.id);
    return at < 0 ? 0 : s.messages.length - at - 1;
  });
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  if (message.status === 'streaming') return null;
  const isUser = message.role === 'user';
  const deleteName = deleteLabel(isUser, after);
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
      {!isUser && message.status !== 'error' && !message.imageJob && (
        <button type="button" disabled={busy} onClick={() => void regenerate(message.id)}>
          {t('actions.regenerate')}
        </button>
      )}
      {canContinue(message) && (
        <button type="button" disabled={busy} onClick={() => void continueAnswer(message.id)}>
          {t('actions.continue')}
        </button>
      )}
      <button
        type="button"
        disabled={busy}
        aria-label={t(deleteName.key, deleteName.params)}
        onClick={() => void deleteMessage(message.id)}
      >
        {t('actions.delete')}
      </button>
    </div>
  );
}
