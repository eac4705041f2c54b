import { TRANSLATION_LANGUAGES } from '../../../../electron/shared/translation';
import type { Locale } from '../../i18n';

const cache = new Map<Locale, Intl.DisplayNames | null>();

function displayNames(locale: Locale): Intl.DisplayNames | null {
  if (!cache.has(locale)) {
    try {
      cache.set(locale, new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
    } catch {
      cache.set(locale, null); // an engine without DisplayNames: the English names
    }
  }
  return cache.get(locale)!;
}

/**
 * A language's name in the UI's language ("Chinese" → "中文"), from the browser's own data, so the
 * 31 names need no translation table; the English name DashScope takes when there is none.
 */
export function languageName(name: string, locale: Locale): string {
  const tag = TRANSLATION_LANGUAGES.find((l) => l.name === name)?.tag;
  if (!tag) return name;
  return displayNames(locale)?.of(tag) ?? name;
}
