import type { AppError } from '../../../../electron/contract';
import { useT } from '../../i18n';

/** A failure, in words a person understands, with what to do next and the server's own words. */
export function ErrorNotice({ error }: { error: AppError }) {
  const t = useT();
  return (
    <div role="alert" className="error">
      <strong>{t('error.title')}:</strong> {error.message}
      {error.action && <span className="action"> {error.action}</span>}
      {error.detail && <p className="detail">{error.detail}</p>}
    </div>
  );
}
