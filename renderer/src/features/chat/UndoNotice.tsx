import { useT } from '../../i18n';
import { usePendingDelete } from '../../state/pending-delete-store';
import './undo-notice.css';

/**
 * "Deleted 6 messages — Undo" while a delete waits (pending-delete-store.ts). A polite live region,
 * so a screen reader hears what went without losing its place; the Undo button is reachable by Tab.
 */
export function UndoNotice() {
  const t = useT();
  const pending = usePendingDelete((s) => s.pending);
  const undo = usePendingDelete((s) => s.undo);
  return (
    <div role="status" aria-live="polite" className="undo-notice" data-open={pending ? 'true' : 'false'}>
      {pending && (
        <>
          <span>{t(pending.label.key, pending.label.params)}</span>
          <span aria-hidden="true"> — </span>
          <button type="button" className="link-button" onClick={undo}>
            {t('undo.undo')}
          </button>
        </>
      )}
    </div>
  );
}
