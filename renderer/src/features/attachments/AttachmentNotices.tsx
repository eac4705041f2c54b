import { useT, type MessageKey } from '../../i18n';
import type { AttachmentsStore } from './attachments-store';

/** Files that were not attached, each with its name and why; dismissed one by one. */
export function AttachmentNotices({ store }: { store: AttachmentsStore }) {
  const t = useT();
  const notices = store((s) => s.notices);
  const dismiss = store((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <ul className="attachment-notices" role="alert">
      {notices.map((n) => (
        <li key={n.id}>
          {t(`attachments.refused.${n.reason}` as MessageKey, { name: n.fileName })}{' '}
          <button type="button" className="link-button" onClick={() => dismiss(n.id)}>
            {t('attachments.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
