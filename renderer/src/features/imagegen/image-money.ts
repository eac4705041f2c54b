import type { ImageJobView, ModelInfo } from '../../../../electron/contract';
import type { Locale, MessageKey } from '../../i18n';

/** A per-image price as the list gives it ($0.035, ¥0.25): up to three decimals, none padded. */
export function formatPerImage(amount: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 3,
  }).format(amount);
}

/** `key.one` or `key.other` for `n`, by the language's own plural rules. */
export function plural<K extends 'imagegen.usage' | 'imagegen.someFailed'>(
  key: K,
  n: number,
  locale: Locale,
) {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? 'one' : 'other';
  return `${key}.${form}` as MessageKey;
}

/** Issue 14: what the image answers of `messages` cost, successes only, in `currency` (others are skipped). */
export function imageCost(
  messages: ReadonlyArray<{ imageJob?: ImageJobView }>,
  models: readonly ModelInfo[],
  live: Record<number, ImageJobView>,
  currency: string,
): number {
  let cost = 0;
  for (const m of messages) {
    if (!m.imageJob) continue;
    const job = live[m.imageJob.messageId] ?? m.imageJob;
    const price = models.find((x) => x.id === job.model)?.image?.regionPrice;
    if (price && price.currency === currency) cost += job.billedImages * price.perImage;
  }
  return cost;
}
