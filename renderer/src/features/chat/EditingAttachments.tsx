import { useT } from '../../i18n';
import { useComposer } from './composer-store';

/** Issue 10: while a question is edited, the attachments the edit keeps, each with "Remove <name>". */
export function EditingAttachments() {
  const t = useT();
  const attachments = useComposer((s) => s.editingAttachments);
  const drop = useComposer((s) => s.dropEditingAttachment);
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label={t('attachments.list')}>
      {attachments.map((a) => (
        <li key={a.id} className="attachment-chip">
          <span className="attachment-name">{a.fileName}</span>
          {a.width && a.height ? <span className="attachment-meta">{`${a.width} × ${a.height}`}</span> : null}
          <button
            type="button"
            className="icon-button attachment-remove"
            aria-label={t('attachments.remove', { name: a.fileName })}
            onClick={() => drop(a.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
