import { useLocale, useT } from '../../i18n';
import type { UiMessage } from '../../state/chat-store';
import { formatNumber } from './format';
import { errorMessage } from '../../i18n/main-text';
import { useNow } from './ThinkingSection';

/** "Retrying in N s (attempt k of n)" while the engine waits before trying again. */
export function RetryCountdown({ retry }: { retry: NonNullable<UiMessage['retry']> }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const now = useNow(true, 250);
  const seconds = Math.max(0, Math.ceil((retry.until - now) / 1000));
  return (
    <p role="status" className="retrying">
      {t('retry.countdown', {
        seconds: formatNumber(seconds, locale),
        attempt: formatNumber(retry.attempt, locale),
        max: formatNumber(retry.maxAttempts, locale),
      })}{' '}
      <span className="detail">{errorMessage(locale, retry.error)}</span>
    </p>
  );
}
