import { useLocale, useT } from '../../i18n';
import { useCatalog } from '../../state/catalog-store';
import { useChatStore } from '../../state/chat-store';
import { estimateCost } from './usage';
import { formatMoney } from './format';
import { imageCost } from '../imagegen/image-money';
import { useImagegen } from '../imagegen/imagegen-store';

/**
 * The conversation's estimated cost so far, in the currency of the region's price list: each
 * answer at its own model's price (tier, cache and search fees included), the conversation's model
 * for answers that do not say which.
 */
export function ConversationCost() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const model = useChatStore((s) => s.model);
  const messages = useChatStore((s) => s.messages);
  const models = useCatalog((s) => s.models);
  const current = models.find((m) => m.id === model);
  const liveJobs = useImagegen((s) => s.jobs);
  // Issue 14: image answers add their successful images (an image model's price is per image).
  const imagePrice = current?.image?.regionPrice;
  if (imagePrice && messages.some((m) => m.imageJob)) {
    const images = imageCost(messages, models, liveJobs, imagePrice.currency);
    return (
      <p className="conversation-cost">
        {t('cost.estimate', { cost: formatMoney(images, imagePrice.currency, locale) })}
      </p>
    );
  }
  // The space is kept while there is no cost yet, so the header does not shift when it appears.
  if (!current?.price || !messages.some((m) => m.usage))
    return <p className="conversation-cost" aria-hidden="true" />;
  let cost = imageCost(messages, models, liveJobs, current.price.currency);
  for (const m of messages) {
    if (!m.usage) continue;
    const info = (m.model && models.find((x) => x.id === m.model)) || current;
    // Another currency cannot be added up here; a model without a price adds nothing.
    if (!info.price || info.price.currency !== current.price.currency) continue;
    cost += estimateCost([m.usage], info.price, info.regionPrice);
  }
  const price = current.price;
  return (
    <p className="conversation-cost" title={price.asOf ? t('cost.asOf', { date: price.asOf }) : undefined}>
      {t('cost.estimate', { cost: formatMoney(cost, price.currency, locale) })}
    </p>
  );
}
