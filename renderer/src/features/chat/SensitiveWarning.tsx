import { maskSensitive, sensitiveKinds } from '../../../../electron/shared/sensitive-content';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { editAndResend } from '../../state/message-actions';
import { useSensitiveWarning } from '../../state/sensitive-check';
import { useComposer } from './composer-store';
import { mainAttachments, outgoingAttachments } from './main-attachments';

/**
 * "This message seems to contain <what>", with "Send anyway" and "Remove it" (which masks what was
 * found in the composer, leaving the rest as typed). Nothing was sent; the text is in the box.
 * `setText`: the box of a window with its own composer (the quick window); the main one otherwise.
 */
export function SensitiveWarning({ setText }: { setText?: (text: string) => void } = {}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const held = useSensitiveWarning((s) => s.held);
  const clear = useSensitiveWarning((s) => s.clear);
  if (!held) return null;
  const what = sensitiveKinds(held.findings).map((k) => t(`sensitive.kind.${k}` as MessageKey));
  const list =
    locale === 'zh-CN' ? what.join('、') : new Intl.ListFormat('en', { type: 'conjunction' }).format(what);

  const sendAnyway = () => {
    const composer = useComposer.getState();
    clear();
    if (setText) {
      setText('');
      void useChatStore
        .getState()
        .send(held.text, undefined, { allowSensitive: true })
        .then((sent) => sent || setText(held.text));
      return;
    }
    composer.cancelEditing();
    if (held.editId) {
      const id = held.editId;
      void editAndResend(id, held.text, held.keep, { allowSensitive: true }).then(
        (sent) => sent || composer.startEditing(id, held.text),
      );
    } else {
      // The tray's attachments go with it, as they would have (they stayed there while it was held).
      const outgoing = outgoingAttachments();
      void useChatStore
        .getState()
        .send(held.text, outgoing, { allowSensitive: true })
        .then((sent) => {
          if (!sent) composer.setText(held.text);
          else if (outgoing) mainAttachments.getState().clear();
        });
    }
  };
  const removeIt = () => {
    const composer = useComposer.getState();
    const masked = maskSensitive(held.text, held.findings);
    clear();
    if (setText) return setText(masked);
    if (held.editId) composer.startEditing(held.editId, masked);
    else {
      composer.setText(masked);
      composer.focus();
    }
  };

  return (
    <div role="alert" className="error send-refusal sensitive-warning">
      <strong>{t('controls.notSent')}</strong> {t('sensitive.found', { what: list })}{' '}
      <button type="button" onClick={sendAnyway}>
        {t('sensitive.sendAnyway')}
      </button>{' '}
      <button type="button" onClick={removeIt}>
        {t('sensitive.removeIt')}
      </button>
    </div>
  );
}
