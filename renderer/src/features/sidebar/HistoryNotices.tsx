import { useT } from '../../i18n';
import { useConversationsStore } from '../../state/conversations-store';
import { useMainText } from '../../i18n/main-text';

/** What happened to the history file: at start-up (a damaged file moved aside, a newer file refused), or answers that cannot be saved (disk full). */
export function HistoryNotices() {
  const t = useT();
  const said = useMainText();
  const notices = useConversationsStore((s) => s.notices);
  const error = useConversationsStore((s) => s.error);
  const dismiss = useConversationsStore((s) => s.dismissNotice);
  const skipped = useConversationsStore((s) => s.importSkipped);
  const dismissSkipped = useConversationsStore((s) => s.dismissImportSkipped);
  return (
    <>
      {notices.map((n, i) => (
        <div key={i} role="alert" className="history-notice">
          <p>
            {n.kind === 'recovered'
              ? t('sidebar.recovered', { path: n.path ?? '' })
              : n.kind === 'save_failed'
                ? t('sidebar.saveFailed')
                : n.message}
          </p>
          <button type="button" onClick={() => dismiss(i)}>
            {t('sidebar.dismiss')}
          </button>
        </div>
      ))}
      {skipped.length > 0 && (
        <div role="alert" className="history-notice">
          <p>{t('sidebar.importSkipped', { count: skipped.length })}</p>
          <ul>
            {skipped.slice(0, 20).map((s) => (
              <li key={s.index}>
                {t('sidebar.importSkippedItem', {
                  number: s.index + 1,
                  title: s.title ?? t('sidebar.untitled'),
                })}{' '}
                <code>{s.reason}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismissSkipped}>
            {t('sidebar.dismiss')}
          </button>
        </div>
      )}
      {/* A status, not an alert: the chat's own alert says the same thing when the app is unreachable. */}
      {error && notices.length === 0 && (
        <div role="status" className="history-notice">
          <p>{said.message(error)}</p>
        </div>
      )}
    </>
  );
}
