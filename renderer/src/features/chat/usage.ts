import type { Usage } from '../../../../electron/contract';
import type { ModelPrice } from '../../state/catalog-store';

/**
 * The estimated cost of some answers at a model's list price (per million tokens). Reasoning
 * tokens are billed as output and are already counted in `completionTokens`.
 */
export function estimateCost(usages: Array<Usage | null | undefined>, price: ModelPrice): number {
  let cost = 0;
  for (const u of usages) {
    if (!u) continue;
    cost += (u.promptTokens * price.input + u.completionTokens * price.output) / 1_000_000;
  }
  return cost;
}
