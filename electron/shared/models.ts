/**
 * The model catalog: what each Qwen model can do, how much it holds and what it costs.
 *
 * The 2026 line-up and prices come from ../shared/reference/qwen-api-2026.md (§6 text models, §3.4
 * vision, §4 cache, §7 search); older figures from qwen-api.md (§1 models, §7 prices). Prices are
 * per region in that region's currency: Beijing in CNY (official), international in USD (derived
 * from the official CNY figures, so marked unconfirmed). Tiered models bill the whole request at
 * the tier its input falls in. Where no source gives a figure it is null, never guessed.
 */
import type { ModelInfo, PriceListId } from '../contract';
import { catalog, flatPrice } from './catalog';
import { imageModels, imageModelsFor } from './image-models';

export { catalog, flatPrice };

/**
 * Qwen3.5-Plus: natively multimodal (images), thinks by default with a switch, web search with
 * every strategy, explicit context cache, a 1M-token context, offered in Beijing and internationally
 * at a low price (README, "Models").
 */
export const DEFAULT_MODEL = 'qwen3.5-plus';
/** Cheap and fast, with thinking switchable off: used for conversation titles. */
export const TITLE_MODEL = 'qwen-flash';

/** The price list a base URL bills from: Beijing's hosts in CNY, every other region in USD. */
export function priceListFor(baseURL: string): PriceListId {
  let host = '';
  try {
    host = new URL(baseURL).hostname;
  } catch {
    // not a URL: the international list
  }
  return host === 'dashscope.aliyuncs.com' || host.endsWith('.cn-beijing.maas.aliyuncs.com')
    ? 'beijing'
    : 'international';
}

/** The model as the region sees it: its price list, first tier as `price`, offered or not. */
export function forRegion(m: ModelInfo, list: PriceListId): ModelInfo {
  if (!m.prices || m.custom) return m;
  const regionPrice = m.prices[list];
  if (!regionPrice) return { ...m, price: null, offered: false };
  return { ...m, price: flatPrice(regionPrice), regionPrice, offered: true };
}

// Issue 14: image models are known ids too (their own entries, after the chat models).
const byId = new Map([...catalog, ...imageModels].map((m) => [m.id, m]));

/** `-latest`, `-preview` and dated snapshots (`-2025-04-28`) share their family's abilities. */
const SNAPSHOT_SUFFIX = /-(latest|preview|\d{4}-\d{2}-\d{2}|\d{4})$/;

/**
 * What Qwen Desk knows about a model id: the catalog entry; for a snapshot of a catalog model, its
 * family's abilities (the family's limits and price may not hold for the snapshot, so they are
 * left out); otherwise a custom model whose parameters are sent as the user set them.
 */
export function describeModel(id: string): ModelInfo {
  const known = byId.get(id);
  if (known) return known;
  const family = byId.get(id.replace(SNAPSHOT_SUFFIX, ''));
  if (family) {
    return {
      ...family,
      id,
      name: `${family.name} (${id.slice(family.id.length + 1)})`,
      contextWindow: null,
      maxOutput: null,
      price: null,
      limitsConfirmed: undefined,
      prices: undefined,
    };
  }
  return { ...plainTextModel(id), custom: true };
}

/** A model listed by the server but unknown to the catalog: offered as a plain text model. */
export function plainTextModel(id: string): ModelInfo {
  return {
    id,
    name: id,
    capabilities: { vision: false, thinking: 'none', webSearch: false, jsonMode: false },
    contextWindow: null,
    maxOutput: null,
    price: null,
    streamingOnly: false,
  };
}

/**
 * The list the model picker shows: the catalog, then every other id the server listed. When the
 * server answered, catalog entries say whether it listed them (keys and regions differ).
 */
export function mergeModelLists(
  serverIds: readonly string[] | null,
  list: PriceListId = 'international',
): ModelInfo[] {
  const regional = catalog.map((m) => forRegion(m, list));
  const images = imageModelsFor(list); // issue 14: last, after every chat model
  if (!serverIds) return [...regional, ...images];
  const listed = new Set(serverIds);
  const known = regional.map((m) => ({ ...m, listed: listed.has(m.id) }));
  const extra = [...listed]
    .filter((id) => !byId.has(id))
    .sort()
    .map((id) => {
      const m = describeModel(id);
      // Not typed by the user: the server offered it.
      const { custom: _custom, ...rest } = m;
      return m.custom ? { ...plainTextModel(id), listed: true } : { ...rest, listed: true };
    });
  return [...known, ...extra, ...images.map((m) => ({ ...m, listed: listed.has(m.id) }))];
}
