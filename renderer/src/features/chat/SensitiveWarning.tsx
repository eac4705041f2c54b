import { maskSensitive, sensitiveKinds } from '../../../../electron/shared/sensitive-content';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { editAndResend } from '../../state/message-actions';
import { useSensitiveWarning } from '../../state/sensitive-check';
import { useComposer } from './composer-store';
import { mainWindowAttachments } from './main-attachments';
import type { WindowAttachments } from './window-attachments';

/**
 * "This message seems to contain <what>", with "Send anyway" and "Remove it" (which masks what was
 * found in the composer, and in the attached text files, leaving the rest as typed). Nothing was
 * sent; the text is in the box and the files in the tray. `setText` and `attachments`: the box and
 * tray of a window with its own composer (the quick window); the main window's otherwise.
 */
export function SensitiveWarning({
  setText,
  attachments = mainWindowAttachments,
}: { setText?: (text: string) => void; attachments?: WindowAttachments } = {}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const held = useSensitiveWarning((s) => s.held);
  const clear = useSensitiveWarning((s) => s.clear);
  if (!held) return null;
  const found = [...held.findings, ...(held.files ?? []).flatMap((f) => f.findings)];
  const what = sensitiveKinds(found).map((k) => t(`sensitive.kind.${k}` as MessageKey));
  const files = (held.files ?? []).map((f) => `“${f.fileName}”`);
  const listOf = (items: string[]) =>
    locale === 'zh-CN' ? items.join('、') : new Intl.ListFormat('en', { type: 'conjunction' }).format(items);
  const list = listOf(what);

  /** The question goes with the tray's attachments, as it would have (they stayed there while held). */
  const sendHeld = (onRefused: () => void) => {
    const outgoing = attachments.outgoing();
    void useChatStore
      .getState()
      .send(held.text, outgoing, { allowSensitive: true })
      .then((sent) => {
        if (!sent) onRefused();
        else if (outgoing) attachments.store.getState().clear();
      });
  };
  const sendAnyway = () => {
    const composer = useComposer.getState();
    clear();
    if (setText) {
      setText('');
      return sendHeld(() => setText(held.text));
    }
    composer.cancelEditing();
    if (held.editId) {
      const id = held.editId;
      void editAndResend(id, held.text, held.keep, { allowSensitive: true }).then(
        (sent) => sent || composer.startEditing(id, held.text),
      );
    } else sendHeld(() => composer.setText(held.text));
  };
  const removeIt = () => {
    const composer = useComposer.getState();
    const masked = maskSensitive(held.text, held.findings);
    // The attached files are masked in the tray, as checked (a file changed since is left alone).
    const tray = attachments.store.getState();
    for (const f of held.files ?? [])
      for (const item of tray.items)
        if (item.kind === 'text' && item.fileName === f.fileName && item.text === f.text)
          tray.replaceText(item.id, maskSensitive(f.text, f.findings));
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
      {files.length > 0 && <>{t('sensitive.inFiles', { files: listOf(files) })} </>}
      <button type="button" onClick={sendAnyway}>
        {t('sensitive.sendAnyway')}
      </button>{' '}
      <button type="button" onClick={removeIt}>
        {t('sensitive.removeIt')}
      </button>
    </div>
  );
}
