/** Numbers, durations and money in the interface's language (Intl). */
import type { Locale } from '../../i18n';

export const formatNumber = (n: number, locale: Locale) => new Intl.NumberFormat(locale).format(n);

export const formatSeconds = (s: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: s < 10 ? 1 : 0 }).format(s);

/** Smallest amount shown as a number; anything above zero below it is "< 0.0001" (never "0.0000"). */
const SMALLEST = 0.0001;

export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const digits = amount > 0 && amount < 0.01 ? 4 : 2;
  const format = (n: number) =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(n);
  return amount > 0 && amount < SMALLEST ? `< ${format(SMALLEST)}` : format(amount);
}
