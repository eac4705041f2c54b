import type { RegionPrice, Usage } from '../../../../electron/contract';
import { totalCost } from '../../../../electron/shared/pricing';
import type { ModelPrice } from '../../state/catalog-store';

/**
 * The estimated cost of some answers at a model's list price (per million tokens): the region's
 * tiers, cache and search fees when the catalog has them (electron/shared/pricing.ts), else the flat
 * price. Reasoning tokens are billed as output and are already counted in `completionTokens`.
 */
export function estimateCost(
  usages: Array<Usage | null | undefined>,
  price: ModelPrice,
  regionPrice?: RegionPrice,
): number {
  if (regionPrice) return totalCost(usages, regionPrice);
  let cost = 0;
  for (const u of usages) {
    if (!u) continue;
    cost += (u.promptTokens * price.input + u.completionTokens * price.output) / 1_000_000;
  }
  return cost;
}
