import type { MessageKey } from '../../i18n';

/** "just now", "5 min ago", "2 h ago": how long ago a cached answer was saved (it lives 24 h). */
export function agoWords(
  savedAt: number,
  now: number,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const minutes = Math.floor(Math.max(0, now - savedAt) / 60_000);
  if (minutes < 1) return t('cache.justNow');
  if (minutes < 60) return t('cache.minutesAgo', { n: minutes });
  return t('cache.hoursAgo', { n: Math.floor(minutes / 60) });
}
