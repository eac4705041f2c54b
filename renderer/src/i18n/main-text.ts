/**
 * What the main process says (errors, notices, the keychain's state) travels as a key with
 * parameters beside its English (electron/shared/main-text.ts); here it is said in the UI's
 * language. A key this build does not know (an older or newer main) falls back to the English.
 */
import type { AppError } from '../../../electron/contract';
import { fillText, isMainTextKey, mainTextEn, type MainTextParams } from '../../../electron/shared/main-text';
import { mainTextZh } from '../../../electron/shared/main-text.zh-CN';
import { useLocale, type Locale } from './index';

const tables = { en: mainTextEn, 'zh-CN': mainTextZh } as const;

/** A sentence from main: by its key when known, else the English it came with. */
export function mainSentence(
  locale: Locale,
  key: string | undefined,
  params: MainTextParams | undefined,
  english: string,
): string {
  return isMainTextKey(key) ? fillText(tables[locale][key], params) : english;
}

export const errorMessage = (locale: Locale, e: AppError): string =>
  mainSentence(locale, e.key, e.params, e.message);

export const errorAction = (locale: Locale, e: AppError): string | undefined =>
  e.action === undefined ? undefined : mainSentence(locale, e.actionKey, e.params, e.action);

/** The error's sentence and action in the current language; re-renders when the language changes. */
export function useMainText() {
  const locale = useLocale((s) => s.locale);
  return {
    message: (e: AppError) => errorMessage(locale, e),
    action: (e: AppError) => errorAction(locale, e),
    said: (key: string | undefined, params: MainTextParams | undefined, english: string) =>
      mainSentence(locale, key, params, english),
  };
}
