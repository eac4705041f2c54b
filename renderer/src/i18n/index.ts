/**
 * Every UI string goes through `t`. English is the source of truth for the keys; the Simplified
 * Chinese table must have the same keys (a unit test checks it).
 */
import { create } from 'zustand';
import en from './en.json';
import zhCN from './zh-CN.json';

export type MessageKey = keyof typeof en;
export type Locale = 'en' | 'zh-CN';

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export function localeFor(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocale = create<LocaleState>((set) => ({
  locale: localeFor(typeof navigator === 'undefined' ? undefined : navigator.language),
  setLocale: (locale) => set({ locale }),
}));

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = dictionaries[locale][key] ?? dictionaries.en[key] ?? key;
  return params
    ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
    : template;
}

/** The translator for the current locale; re-renders the component when the locale changes. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const locale = useLocale((s) => s.locale);
  return (key, params) => translate(locale, key, params);
}
