import type { Usage } from '../../../../electron/contract';
import { priceListOf, searchFee } from '../../../../electron/shared/pricing';
import { useLocale, useT } from '../../i18n';
import { useCatalog } from '../../state/catalog-store';
import { formatMoney, formatNumber } from './format';

/**
 * Tokens of one answer: input, output, for thinking answers how many went to reasoning, how many
 * input tokens came from the context cache, and the web searches with their fee — or, when search
 * was asked for and none ran (DashScope skips it silently past 15 per second), that none ran.
 */
export function UsageLine({ usage, model }: { usage: Usage; model?: string | null | undefined }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const regionPrice = useCatalog((s) => s.models.find((m) => m.id === model)?.regionPrice);
  const n = (v: number) => formatNumber(v, locale);
  const parts = [t('usage.tokens', { input: n(usage.promptTokens), output: n(usage.completionTokens) })];
  if (usage.reasoningTokens) parts.push(t('usage.reasoning', { reasoning: n(usage.reasoningTokens) }));
  if (usage.cachedTokens) parts.push(t('usage.cached', { cached: n(usage.cachedTokens) }));
  const search = usage.search;
  if (search && search.count === 0) parts.push(t('usage.noSearch'));
  else if (search) {
    const fee = regionPrice ? searchFee(usage, priceListOf(regionPrice)) : 0;
    parts.push(
      fee > 0
        ? t('usage.searchFee', {
            count: n(search.count),
            fee: formatMoney(fee, regionPrice!.currency, locale),
          })
        : t('usage.search', { count: n(search.count) }),
    );
  }
  return <p className="usage">{parts.join(' · ')}</p>;
}
