/** A model's abilities as short words, for the model combobox and the settings panel. */
import type { ModelInfo } from '../../../../electron/contract';
import type { Locale, MessageKey } from '../../i18n';
import { formatMoney } from '../chat/format';
import { formatPerImage } from '../imagegen/image-money';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** "128K"-style token counts. */
export function compactTokens(n: number): string {
  return n >= 1_000_000
    ? `${+(n / 1_000_000).toFixed(1)}M`
    : n >= 1000
      ? `${Math.round(n / 1024) === n / 1024 ? n / 1024 : Math.round(n / 1000)}K`
      : String(n);
}

export function capabilityWords(model: ModelInfo, t: Translate): string[] {
  if (model.custom) return [t('controls.cap.custom')];
  // Issue 14: an image model says what it makes, and whether the region offers it.
  if (model.image)
    return [
      t(model.image.edit ? 'controls.cap.imageEdit' : 'controls.cap.image'),
      ...(model.offered === false ? [t('controls.cap.notOffered')] : []),
    ];
  const caps = model.capabilities;
  const words: string[] = [];
  if (caps.vision) words.push(t('controls.cap.vision'));
  if (caps.thinking === 'always') words.push(t('controls.cap.thinkingAlways'));
  else if (caps.thinking === 'optional')
    words.push(t(model.thinkingDefault ? 'controls.cap.thinkingDefault' : 'controls.cap.thinking'));
  if (caps.webSearch) words.push(t('controls.cap.webSearch'));
  if (caps.jsonMode) words.push(t('controls.cap.json'));
  if (model.contextWindow !== null)
    words.push(t('controls.cap.context', { tokens: compactTokens(model.contextWindow) }));
  if (model.offered === false) words.push(t('controls.cap.notOffered'));
  return words;
}

/** The region's price, in its currency: the first tier, "from" when longer inputs cost more. */
export function priceWords(model: ModelInfo, t: Translate, locale: Locale): string | null {
  const perImage = model.image?.regionPrice; // issue 14: images are priced each
  if (perImage)
    return t('controls.cap.imagePrice', {
      price: formatPerImage(perImage.perImage, perImage.currency, locale),
    });
  const price = model.price;
  if (!price) return null;
  const money = (v: number) => formatMoney(v, price.currency, locale).replace(/(\.\d*?[1-9])0+$|\.0+$/, '$1');
  const values = { input: money(price.input), output: money(price.output) };
  const tiered = (model.regionPrice?.tiers.length ?? 1) > 1;
  const words = t(tiered ? 'controls.cap.priceFrom' : 'controls.cap.price', values);
  // International USD prices are derived from the official CNY ones: said so, with their date.
  return price.confirmed ? words : t('controls.cap.priceUnconfirmed', { price: words, date: price.asOf });
}
