/**
 * The model catalog: what each Qwen model can do, how much it holds and what it costs.
 *
 * Every figure comes from ../shared/reference/qwen-api.md (§1 models, §7 prices). Figures that only
 * third-party sources give are kept but marked (`limitsConfirmed: false`, `price.confirmed: false`);
 * where no source gives a figure it is null, never guessed.
 */
import type { ModelCapabilities, ModelInfo, ModelPrice } from '../contract';

export const DEFAULT_MODEL = 'qwen-plus';
/** Cheap and fast, with thinking switchable off: used for conversation titles. */
export const TITLE_MODEL = 'qwen-flash';

/** Alibaba Cloud billing page, international, lowest tier (qwen-api.md §7, S6). */
const S6_PRICE_DATE = '2025-04-22';
/** Reseller / aggregator listings (qwen-api.md §7, "unconfirmed"). */
const THIRD_PARTY_PRICE_DATE = '2025';

const usd = (input: number, output: number, asOf: string, confirmed: boolean): ModelPrice => ({
  input,
  output,
  currency: 'USD',
  asOf,
  confirmed,
});

const text = (thinking: ModelCapabilities['thinking']): ModelCapabilities => ({
  vision: false,
  thinking,
  webSearch: true,
  jsonMode: true,
});
const vision = (thinking: ModelCapabilities['thinking']): ModelCapabilities => ({
  vision: true,
  thinking,
  webSearch: false,
  jsonMode: false,
});

export const catalog: readonly ModelInfo[] = [
  {
    id: 'qwen-plus',
    name: 'Qwen-Plus',
    capabilities: text('optional'),
    contextWindow: 131_072,
    maxOutput: null,
    limitsConfirmed: true,
    price: usd(0.4, 1.2, S6_PRICE_DATE, true),
    streamingOnly: false,
  },
  {
    id: 'qwen-max',
    name: 'Qwen-Max',
    capabilities: text('none'),
    contextWindow: 32_768,
    maxOutput: 8_192,
    limitsConfirmed: true,
    price: usd(1.6, 6.4, S6_PRICE_DATE, true),
    streamingOnly: false,
  },
  {
    id: 'qwen-turbo',
    name: 'Qwen-Turbo',
    capabilities: text('optional'),
    contextWindow: 1_008_192,
    maxOutput: null,
    limitsConfirmed: true,
    price: usd(0.05, 0.2, S6_PRICE_DATE, true),
    streamingOnly: false,
  },
  {
    id: 'qwen-flash',
    name: 'Qwen-Flash',
    capabilities: text('optional'),
    contextWindow: 1_000_000,
    maxOutput: 32_768,
    limitsConfirmed: false,
    price: null, // no source found
    streamingOnly: false,
  },
  {
    id: 'qwen3-max',
    name: 'Qwen3-Max',
    capabilities: text('optional'),
    contextWindow: 262_144,
    maxOutput: 65_536,
    limitsConfirmed: false,
    price: usd(1.2, 6, THIRD_PARTY_PRICE_DATE, false),
    streamingOnly: false,
  },
  {
    id: 'qwen-vl-plus',
    name: 'Qwen-VL-Plus',
    capabilities: vision('none'),
    contextWindow: 131_072,
    maxOutput: 8_192,
    limitsConfirmed: true,
    price: usd(0.21, 0.63, THIRD_PARTY_PRICE_DATE, false),
    streamingOnly: false,
  },
  {
    id: 'qwen-vl-max',
    name: 'Qwen-VL-Max',
    capabilities: vision('none'),
    contextWindow: 131_072,
    maxOutput: 8_192,
    limitsConfirmed: true,
    price: usd(0.8, 3.2, THIRD_PARTY_PRICE_DATE, false),
    streamingOnly: false,
  },
  {
    id: 'qwen3-vl-plus',
    name: 'Qwen3-VL-Plus',
    capabilities: vision('optional'),
    contextWindow: 262_144,
    maxOutput: null,
    limitsConfirmed: false,
    price: usd(0.2, 1.6, THIRD_PARTY_PRICE_DATE, false),
    streamingOnly: false,
  },
  {
    id: 'qwen3-vl-flash',
    name: 'Qwen3-VL-Flash',
    capabilities: vision('optional'),
    contextWindow: 262_144,
    maxOutput: null,
    limitsConfirmed: false,
    price: null,
    streamingOnly: false,
  },
  {
    id: 'qwq-plus',
    name: 'QwQ-Plus',
    capabilities: { vision: false, thinking: 'always', webSearch: false, jsonMode: false },
    contextWindow: null,
    maxOutput: null,
    price: null,
    streamingOnly: true,
  },
  {
    id: 'qvq-max',
    name: 'QVQ-Max',
    capabilities: { vision: true, thinking: 'always', webSearch: false, jsonMode: false },
    contextWindow: null,
    maxOutput: null,
    price: null,
    streamingOnly: true,
  },
];

const byId = new Map(catalog.map((m) => [m.id, m]));

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
export function mergeModelLists(serverIds: readonly string[] | null): ModelInfo[] {
  if (!serverIds) return [...catalog];
  const listed = new Set(serverIds);
  const known = catalog.map((m) => ({ ...m, listed: listed.has(m.id) }));
  const extra = [...listed]
    .filter((id) => !byId.has(id))
    .sort()
    .map((id) => {
      const m = describeModel(id);
      // Not typed by the user: the server offered it.
      const { custom: _custom, ...rest } = m;
      return m.custom ? { ...plainTextModel(id), listed: true } : { ...rest, listed: true };
    });
  return [...known, ...extra];
}
