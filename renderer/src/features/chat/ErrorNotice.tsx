import type { AppError } from '../../../../electron/contract';
import { useT } from '../../i18n';
import { useMainText } from '../../i18n/main-text';
import { useSettingsStore } from '../../state/settings-store';

/** Errors a person fixes in Settings (the key, the account) rather than by asking again. */
const settingsCodes = new Set<AppError['code']>([
  'no_api_key',
  'auth',
  'quota',
  'arrears',
  'model_not_found',
]);

/**
 * A failure, in words a person understands, with what to do next, a button for it, and the
 * server's own words.
 */
export function ErrorNotice({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const t = useT();
  const said = useMainText();
  const action = said.action(error);
  const toSettings = settingsCodes.has(error.code);
  return (
    <div role="alert" className="error">
      <strong>{t('error.title')}:</strong> {said.message(error)}
      {action && <span className="action"> {action}</span>}
      {error.detail && <p className="detail">{error.detail}</p>}
      {toSettings ? (
        <button
          type="button"
          className="error-action"
          onClick={() => useSettingsStore.getState().setOpen(true)}
        >
          {t('error.openSettings')}
        </button>
      ) : (
        onRetry && (
          <button type="button" className="error-action" onClick={onRetry}>
            {t('actions.retry')}
          </button>
        )
      )}
    </div>
  );
}
