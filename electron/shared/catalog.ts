/**
 * The 2026 catalog entries (qwen-api-2026.md §6 text models, §3.4 vision, §4 cache, §7 search;
 * older figures from qwen-api.md §1, §7). Prices are per region in that region's currency: Beijing
 * in CNY (official), international in USD (derived from the official CNY figures, so marked
 * unconfirmed). Where no source gives a figure it is null, never guessed.
 */
import type {
  ModelCapabilities,
  ModelInfo,
  ModelPrice,
  PriceTier,
  RegionPrice,
  SearchStrategy,
} from '../contract';

/** P1, the Model Studio pricing page (≈mid-2026; lists qwen3.7-max-2026-06-08). */
const P1_DATE = '2026-06';

type TierRow = [upTo: number | null, input: number, output: number, thinkingOutput?: number];
const tiers = (rows: TierRow[]): PriceTier[] =>
  rows.map(([upTo, input, output, thinkingOutput]) => ({
    upToInputTokens: upTo,
    input,
    output,
    ...(thinkingOutput !== undefined ? { thinkingOutput } : {}),
  }));
/** Beijing: official CNY. */
const cny = (rows: TierRow[]): RegionPrice => ({
  currency: 'CNY',
  tiers: tiers(rows),
  asOf: P1_DATE,
  confirmed: true,
});
/** International: USD derived from the official Singapore CNY figures (qwen-api-2026.md, header). */
const usd = (rows: TierRow[]): RegionPrice => ({
  currency: 'USD',
  tiers: tiers(rows),
  asOf: P1_DATE,
  confirmed: false,
});

const K = 1024;
const T32 = 32 * K;
const T128 = 128 * K;
const T256 = 256 * K;
const M1 = 1_000_000;

/** A region's price as a flat ModelPrice: its first tier (what the picker shows). */
export function flatPrice(p: RegionPrice): ModelPrice {
  const first = p.tiers[0]!;
  return {
    input: first.input,
    output: first.output,
    currency: p.currency,
    asOf: p.asOf,
    confirmed: p.confirmed,
  };
}

type Thinking = ModelCapabilities['thinking'];
interface Entry {
  id: string;
  name: string;
  thinking: Thinking;
  /** Hybrid models: on when not told (qwen3.5, 3.6, 3.7 think by default, B1). */
  thinkingDefault?: boolean;
  /** Reads images (capabilities.vision). A `vision` object (issue 10) can sit beside it. */
  seesImages?: boolean;
  search?: SearchStrategy[];
  json?: boolean;
  context: number | null;
  maxOutput?: number | null;
  limitsConfirmed?: boolean;
  beijing?: RegionPrice;
  international?: RegionPrice;
  cache?: { explicit: boolean; implicit: boolean };
  streamingOnly?: boolean;
  multimodal?: boolean;
}

const TURBO: SearchStrategy[] = ['turbo', 'max'];
const AGENT: SearchStrategy[] = ['turbo', 'max', 'agent', 'agent_max'];
const BOTH = { explicit: true, implicit: true };
const IMPLICIT = { explicit: false, implicit: true };

function model(e: Entry): ModelInfo {
  const prices: NonNullable<ModelInfo['prices']> = {};
  if (e.beijing) prices.beijing = e.beijing;
  if (e.international) prices.international = e.international;
  const home = e.international ?? e.beijing;
  return {
    id: e.id,
    name: e.name,
    capabilities: {
      vision: e.seesImages ?? false,
      thinking: e.thinking,
      webSearch: (e.search?.length ?? 0) > 0,
      jsonMode: e.json ?? !e.seesImages,
    },
    contextWindow: e.context,
    maxOutput: e.maxOutput ?? null,
    ...(e.limitsConfirmed !== undefined ? { limitsConfirmed: e.limitsConfirmed } : {}),
    price: home ? flatPrice(home) : null,
    streamingOnly: e.streamingOnly ?? false,
    ...(e.thinking === 'optional' ? { thinkingDefault: e.thinkingDefault ?? false } : {}),
    prices,
    cache: e.cache ?? { explicit: false, implicit: false },
    ...(e.search ? { searchStrategies: e.search } : {}),
    nativeService: e.multimodal || e.seesImages ? 'multimodal' : 'text',
  };
}

export const catalog: readonly ModelInfo[] = [
  model({
    id: 'qwen3.5-plus',
    name: 'Qwen3.5-Plus',
    thinking: 'optional',
    thinkingDefault: true,
    seesImages: true,
    json: true,
    search: AGENT,
    context: 1_000_000,
    maxOutput: 65_536,
    limitsConfirmed: true,
    beijing: cny([
      [T128, 0.8, 4.8],
      [T256, 2, 12],
      [M1, 4, 24],
    ]),
    international: usd([
      [T256, 0.4, 2.4],
      [M1, 0.5, 3],
    ]),
    cache: { explicit: true, implicit: false },
  }),
  model({
    id: 'qwen3.5-flash',
    name: 'Qwen3.5-Flash',
    thinking: 'optional',
    thinkingDefault: true,
    seesImages: true,
    json: true,
    search: TURBO,
    context: 1_000_000,
    limitsConfirmed: false,
    beijing: cny([
      [T128, 0.2, 2],
      [T256, 0.8, 8],
      [M1, 1.2, 12],
    ]),
    international: usd([[M1, 0.1, 0.4]]),
    cache: { explicit: true, implicit: false },
  }),
  model({
    id: 'qwen3.7-max',
    name: 'Qwen3.7-Max',
    thinking: 'optional',
    thinkingDefault: true,
    search: TURBO,
    context: 1_000_000,
    limitsConfirmed: false,
    beijing: cny([[M1, 12, 36]]),
    international: usd([[M1, 2.5, 7.5]]),
  }),
  model({
    id: 'qwen3.6-plus',
    name: 'Qwen3.6-Plus',
    thinking: 'optional',
    thinkingDefault: true,
    seesImages: true,
    json: true,
    search: TURBO,
    context: 1_000_000,
    limitsConfirmed: false,
    beijing: cny([
      [T256, 2, 12],
      [M1, 8, 48],
    ]),
    international: usd([
      [T256, 0.5, 3],
      [M1, 2, 6],
    ]),
  }),
  model({
    id: 'qwen3.6-flash',
    name: 'Qwen3.6-Flash',
    thinking: 'optional',
    thinkingDefault: true,
    seesImages: true,
    json: true,
    search: TURBO,
    context: 1_000_000,
    limitsConfirmed: false,
    beijing: cny([
      [T256, 1.2, 7.2],
      [M1, 4.8, 28.8],
    ]),
    international: usd([
      [T256, 0.25, 1.5],
      [M1, 1, 4],
    ]),
  }),
  model({
    id: 'qwen3-max',
    name: 'Qwen3-Max',
    thinking: 'optional',
    search: AGENT,
    context: 262_144,
    maxOutput: 65_536,
    limitsConfirmed: false,
    beijing: cny([
      [T32, 2.5, 10],
      [T128, 4, 16],
      [T256, 7, 28],
    ]),
    international: usd([
      [T32, 1.2, 6],
      [T128, 2.4, 12],
      [T256, 3, 15],
    ]),
    cache: BOTH,
  }),
  model({
    id: 'qwen-plus',
    name: 'Qwen-Plus',
    thinking: 'optional',
    search: TURBO,
    context: 1_000_000,
    limitsConfirmed: false,
    beijing: cny([
      [T128, 0.8, 2, 8],
      [T256, 2.4, 20, 24],
      [M1, 4.8, 48, 64],
    ]),
    international: usd([
      [T256, 0.4, 1.2, 4],
      [M1, 1.2, 3.6, 12],
    ]),
    cache: BOTH,
  }),
  model({
    id: 'qwen-flash',
    name: 'Qwen-Flash',
    thinking: 'optional',
    search: TURBO,
    context: 1_000_000,
    maxOutput: 32_768,
    limitsConfirmed: false,
    beijing: cny([
      [T128, 0.15, 1.5],
      [T256, 0.6, 6],
      [M1, 1.2, 12],
    ]),
    international: usd([
      [T256, 0.05, 0.4],
      [M1, 0.25, 2],
    ]),
    cache: BOTH,
  }),
  model({
    id: 'qwen-turbo',
    name: 'Qwen-Turbo',
    thinking: 'optional',
    search: ['turbo'],
    context: 1_008_192,
    limitsConfirmed: true,
    beijing: cny([[null, 0.3, 0.6, 3]]),
    international: usd([[null, 0.05, 0.2, 0.5]]),
    cache: IMPLICIT,
  }),
  model({
    id: 'qwen-max',
    name: 'Qwen-Max',
    thinking: 'none',
    search: TURBO,
    context: 32_768,
    maxOutput: 8_192,
    limitsConfirmed: true,
    beijing: cny([[null, 2.4, 9.6]]),
    international: usd([[null, 1.6, 6.4]]),
    cache: IMPLICIT,
  }),
  model({
    id: 'qwen3-vl-plus',
    name: 'Qwen3-VL-Plus',
    thinking: 'optional',
    seesImages: true,
    context: 262_144,
    limitsConfirmed: false,
    beijing: cny([
      [T32, 1, 10],
      [T128, 1.5, 15],
      [T256, 3, 30],
    ]),
    international: usd([
      [T32, 0.2, 1.6],
      [T128, 0.3, 2.4],
      [T256, 0.6, 4.8],
    ]),
    cache: BOTH,
  }),
  model({
    id: 'qwen3-vl-flash',
    name: 'Qwen3-VL-Flash',
    thinking: 'optional',
    seesImages: true,
    context: 262_144,
    limitsConfirmed: false,
    beijing: cny([
      [T32, 0.15, 1.5],
      [T128, 0.3, 3],
      [T256, 0.6, 6],
    ]),
    international: usd([
      [T32, 0.05, 0.4],
      [T128, 0.075, 0.6],
      [T256, 0.12, 0.96],
    ]),
    cache: IMPLICIT,
  }),
  model({
    id: 'qwen-vl-max',
    name: 'Qwen-VL-Max',
    thinking: 'none',
    seesImages: true,
    context: 131_072,
    maxOutput: 8_192,
    limitsConfirmed: true,
    beijing: cny([[null, 1.6, 4]]),
    international: usd([[null, 0.8, 3.2]]),
    cache: IMPLICIT,
  }),
  model({
    id: 'qwen-vl-plus',
    name: 'Qwen-VL-Plus',
    thinking: 'none',
    seesImages: true,
    context: 131_072,
    maxOutput: 8_192,
    limitsConfirmed: true,
    beijing: cny([[null, 0.8, 2]]),
    international: usd([[null, 0.21, 0.63]]),
    cache: IMPLICIT,
  }),
  model({
    id: 'qvq-max',
    name: 'QVQ-Max',
    thinking: 'always',
    seesImages: true,
    context: null,
    streamingOnly: true,
    beijing: cny([[null, 8, 32]]),
    international: usd([[null, 1.2, 4.8]]),
  }),
  model({
    id: 'qwq-plus',
    name: 'QwQ-Plus',
    thinking: 'always',
    json: false,
    context: null,
    streamingOnly: true,
    beijing: cny([[null, 1.6, 4]]),
    international: usd([[null, 0.8, 2.4]]),
  }),
  model({
    id: 'qwen3-coder-plus',
    name: 'Qwen3-Coder-Plus',
    thinking: 'none',
    context: 1_000_000,
    limitsConfirmed: false,
    beijing: cny([
      [T32, 4, 16],
      [T128, 6, 24],
      [T256, 10, 40],
      [M1, 20, 200],
    ]),
    international: usd([
      [T32, 1, 5],
      [T128, 1.8, 9],
      [T256, 3, 15],
      [M1, 6, 60],
    ]),
    cache: BOTH,
  }),
  model({
    id: 'qwen3-coder-flash',
    name: 'Qwen3-Coder-Flash',
    thinking: 'none',
    context: 1_000_000,
    limitsConfirmed: false,
    beijing: cny([
      [T32, 1, 4],
      [T128, 1.5, 6],
      [T256, 2.5, 10],
      [M1, 5, 25],
    ]),
    international: usd([
      [T32, 0.3, 1.5],
      [T128, 0.5, 2.5],
      [T256, 0.8, 4],
      [M1, 1.6, 9.6],
    ]),
    cache: BOTH,
  }),
  model({
    id: 'qwen-long',
    name: 'Qwen-Long',
    thinking: 'none',
    context: 10_000_000,
    limitsConfirmed: false,
    // Not offered internationally (P1).
    beijing: cny([[null, 0.5, 2]]),
  }),
  // Translation models take exactly one user message, no system prompt (§6.4).
  model({
    id: 'qwen-mt-plus',
    name: 'Qwen-MT-Plus',
    thinking: 'none',
    json: false,
    context: 8_192,
    limitsConfirmed: true,
    beijing: cny([[null, 1.8, 5.4]]),
    international: usd([[null, 2.46, 7.37]]),
  }),
  model({
    id: 'qwen-mt-flash',
    name: 'Qwen-MT-Flash',
    thinking: 'none',
    json: false,
    context: 8_192,
    limitsConfirmed: true,
    beijing: cny([[null, 0.7, 1.95]]),
    international: usd([[null, 0.16, 0.49]]),
  }),
  model({
    id: 'qwen-mt-lite',
    name: 'Qwen-MT-Lite',
    thinking: 'none',
    json: false,
    context: 8_192,
    limitsConfirmed: true,
    beijing: cny([[null, 0.6, 1.6]]),
    international: usd([[null, 0.12, 0.36]]),
  }),
];
