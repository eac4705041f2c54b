import { useLocale, useT } from '../../i18n';
import { useCatalog } from '../../state/catalog-store';
import { useChatStore } from '../../state/chat-store';
import { estimateCost } from './usage';
import { formatMoney } from './format';

/** The conversation's estimated cost so far, in the currency of the region's price list. */
export function ConversationCost() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const model = useChatStore((s) => s.model);
  const usages = useChatStore((s) => s.messages).map((m) => m.usage);
  const info = useCatalog((s) => s.models.find((m) => m.id === model));
  const price = info?.price;
  if (!price || !usages.some(Boolean)) return null;
  const cost = estimateCost(usages, price, info.regionPrice);
  return (
    <p className="conversation-cost" title={price.asOf ? t('cost.asOf', { date: price.asOf }) : undefined}>
      {t('cost.estimate', { cost: formatMoney(cost, price.currency, locale) })}
    </p>
  );
}
