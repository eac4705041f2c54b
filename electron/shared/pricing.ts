/**
 * What an answer costs at the list price of its region (qwen-api-2026.md §4, §6, §7.4): the tier
 * its input falls in bills the whole request; cache hits bill 10 % of input (explicit) or 20 %
 * (implicit), cache writes 125 %; web search adds a fee per 1,000 searches by strategy. Pure code
 * (no Node, DOM or Electron): the renderer's cost lines and the benchmarks use the same figures.
 */
import type { PriceListId, PriceTier, RegionPrice, SearchStrategy, Usage } from '../contract';

export const CACHE_HIT_EXPLICIT = 0.1;
export const CACHE_HIT_IMPLICIT = 0.2;
export const CACHE_WRITE = 1.25;

/** Search fee per 1,000 searches, in the list's currency; missing: no published fee (§7.4). */
export const SEARCH_FEE_PER_1000: Record<PriceListId, Partial<Record<SearchStrategy, number>>> = {
  beijing: { turbo: 3, max: 4, agent: 4, agent_max: 4 },
  international: { agent: 10, agent_max: 10 },
};

export const priceListOf = (price: RegionPrice): PriceListId =>
  price.currency === 'CNY' ? 'beijing' : 'international';

/** The tier an input of `inputTokens` is billed at (past the last bound: the last tier). */
export function tierFor(price: RegionPrice, inputTokens: number): PriceTier {
  return (
    price.tiers.find((t) => t.upToInputTokens === null || inputTokens <= t.upToInputTokens) ??
    price.tiers[price.tiers.length - 1]!
  );
}

/** The search fee of one answer (count × the strategy's fee; turbo when none was named). */
export function searchFee(usage: Usage, list: PriceListId): number {
  const search = usage.search;
  if (!search || search.count === 0) return 0;
  const fee = SEARCH_FEE_PER_1000[list][search.strategy ?? 'turbo'] ?? 0;
  return (search.count * fee) / 1000;
}

/** One answer's cost. Reasoning tokens are output (already in `completionTokens`). */
export function answerCost(usage: Usage, price: RegionPrice): number {
  const tier = tierFor(price, usage.promptTokens);
  const cached = usage.cachedTokens ?? 0;
  const created = usage.cacheCreationTokens ?? 0;
  const plain = Math.max(0, usage.promptTokens - cached - created);
  const hit = usage.cacheType === 'explicit' ? CACHE_HIT_EXPLICIT : CACHE_HIT_IMPLICIT;
  const input = (plain + cached * hit + created * CACHE_WRITE) * tier.input;
  const outputPrice = usage.reasoningTokens ? (tier.thinkingOutput ?? tier.output) : tier.output;
  return (input + usage.completionTokens * outputPrice) / 1_000_000 + searchFee(usage, priceListOf(price));
}

/** Several answers' cost together. */
export function totalCost(usages: Array<Usage | null | undefined>, price: RegionPrice): number {
  let cost = 0;
  for (const u of usages) if (u) cost += answerCost(u, price);
  return cost;
}
