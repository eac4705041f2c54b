/**
 * Image generation and editing models (qwen-api-2026.md §2): which API shape each uses (§2.1), the
 * sizes and counts it allows (§2.4), and its price per successfully generated image per price list
 * (§2.6; failures are free, the price does not depend on the size). Beijing is official CNY; the
 * international figure is the official Singapore CNY converted to the derived USD the reference
 * gives, so it is marked unconfirmed. Where no source gives a figure, the rule falls back to the
 * family's documented one and says so below; nothing is invented beyond that.
 *
 * Shared by main and the renderer: no Node, Electron or DOM.
 */
import type { ImageModelSpec, ModelInfo, PriceListId } from '../contract';

const P1_DATE = '2026-06';

/** The qwen-image list (§2.4). Also used for qwen-image-max/-plus, whose sizes were not captured. */
const QWEN_IMAGE_SIZES = ['1664*928', '1472*1104', '1328*1328', '1104*1472', '928*1664'];

/** Sizes offered for the range rules, each kept only where its model's rule allows it. */
const CANDIDATE_SIZES = [
  '1024*1024',
  '1280*1280',
  '1328*1328',
  '1440*1440',
  '1536*1536',
  '2048*2048',
  '512*512',
  '768*768',
  '1664*928',
  '928*1664',
  '1472*1104',
  '1104*1472',
  '1280*720',
  '720*1280',
  '1920*1080',
  '1080*1920',
  '1600*1200',
  '1200*1600',
  '768*2700',
];

type SizeRule = NonNullable<ImageModelSpec['sizeRule']>;

/** Whether `size` ("W*H") is allowed by `rule` (§2.4). */
export function sizeAllowed(rule: SizeRule, size: string): boolean {
  const m = /^(\d{2,5})\*(\d{2,5})$/.exec(size);
  if (!m) return false;
  const w = Number(m[1]);
  const h = Number(m[2]);
  switch (rule.kind) {
    case 'list':
      return rule.sizes.includes(size);
    case 'pixels': {
      const px = w * h;
      const ratio = Math.max(w, h) / Math.min(w, h);
      return px >= rule.minPixels && px <= rule.maxPixels && ratio <= rule.maxRatio;
    }
    case 'sides':
      return w >= rule.min && w <= rule.max && h >= rule.min && h <= rule.max;
  }
}

/** The sizes the "Size" box offers for a rule: the list itself, or the candidates it allows. */
export function sizesFor(rule: SizeRule): string[] {
  return rule.kind === 'list' ? [...rule.sizes] : CANDIDATE_SIZES.filter((s) => sizeAllowed(rule, s));
}

interface Entry {
  id: string;
  name: string;
  api: ImageModelSpec['api'];
  edit: boolean;
  sizeRule: SizeRule | null;
  defaultSize: string | null;
  n: [number, number];
  /** [Beijing CNY, Singapore USD (derived)]; null where the list has no figure. */
  price: [number | null, number | null];
}

const QWEN_LIST: SizeRule = { kind: 'list', sizes: QWEN_IMAGE_SIZES };
const QWEN2: SizeRule = { kind: 'pixels', minPixels: 512 * 512, maxPixels: 2048 * 2048, maxRatio: 8 };
const WAN26: SizeRule = { kind: 'pixels', minPixels: 1280 * 1280, maxPixels: 1440 * 1440, maxRatio: 4 };
const WAN_SIDES: SizeRule = { kind: 'sides', min: 512, max: 1440 };
const ONE: [number, number] = [1, 1];

/** One row of the table below: id, name, API shape, size rule and default, n range, prices. */
const draws = (
  id: string,
  name: string,
  api: Entry['api'],
  sizes: [SizeRule, string] | null,
  n: [number, number],
  price: Entry['price'],
): Entry => ({
  id,
  name,
  api,
  edit: false,
  sizeRule: sizes?.[0] ?? null,
  defaultSize: sizes?.[1] ?? null,
  n,
  price,
});

const entries: Entry[] = [
  // Sync (multimodal-generation). Max's n and sizes were not captured: qwen-image's (n = 1).
  draws('qwen-image-max', 'Qwen-Image-Max', 'sync', [QWEN_LIST, '1328*1328'], ONE, [0.5, 0.075]),
  draws('qwen-image-2.0-pro', 'Qwen-Image-2.0-Pro', 'sync', [QWEN2, '1024*1024'], [1, 6], [0.5, 0.075]),
  draws('qwen-image-2.0', 'Qwen-Image-2.0', 'sync', [QWEN2, '1024*1024'], [1, 6], [0.2, 0.035]),
  draws('wan2.6-t2i', 'Wan2.6 T2I', 'sync', [WAN26, '1280*1280'], [1, 4], [0.2, 0.03]),
  // Async legacy text2image (§2.1: only these Qwen models, and Wan ≤ 2.5). Plus's sizes: qwen-image's.
  draws('qwen-image-plus', 'Qwen-Image-Plus', 'async', [QWEN_LIST, '1664*928'], ONE, [0.2, 0.03]),
  draws('qwen-image', 'Qwen-Image', 'async', [QWEN_LIST, '1664*928'], ONE, [0.25, 0.035]),
  draws('wan2.5-t2i-preview', 'Wan2.5 T2I Preview', 'async', [WAN26, '1280*1280'], [1, 4], [0.2, 0.03]),
  draws('wan2.2-t2i-plus', 'Wan2.2 T2I Plus', 'async', [WAN_SIDES, '1024*1024'], [1, 4], [0.2, 0.05]),
  draws('wan2.2-t2i-flash', 'Wan2.2 T2I Flash', 'async', [WAN_SIDES, '1024*1024'], [1, 4], [0.14, 0.025]),
  draws('wanx2.1-t2i-plus', 'Wanx2.1 T2I Plus', 'async', [WAN_SIDES, '1024*1024'], [1, 4], [0.2, 0.05]),
  draws('wanx2.1-t2i-turbo', 'Wanx2.1 T2I Turbo', 'async', [WAN_SIDES, '1024*1024'], [1, 4], [0.14, 0.025]),
  // wanx2.0-t2i-turbo: Beijing only (no Singapore price); sides as wanx2.1 (its own rule not captured).
  draws('wanx2.0-t2i-turbo', 'Wanx2.0 T2I Turbo', 'async', [WAN_SIDES, '1024*1024'], [1, 4], [0.04, null]),
  // Editing (sync; 1–3 input images). Output size and n for edits were not captured: none sent, n = 1.
  ...(
    [
      ['qwen-image-edit-max', 'Qwen-Image-Edit-Max', [0.5, 0.075]],
      ['qwen-image-edit-plus', 'Qwen-Image-Edit-Plus', [0.2, 0.03]],
      ['qwen-image-edit', 'Qwen-Image-Edit', [0.3, 0.045]],
    ] as const
  ).map(([id, name, price]) => ({ ...draws(id, name, 'sync', null, ONE, [...price]), edit: true })),
];

function toModel(e: Entry): ModelInfo {
  const [cny, usd] = e.price;
  const image: ImageModelSpec = {
    api: e.api,
    edit: e.edit,
    sizeRule: e.sizeRule,
    sizes: e.sizeRule ? sizesFor(e.sizeRule) : [],
    defaultSize: e.defaultSize,
    n: { min: e.n[0], max: e.n[1] },
    prices: {
      ...(cny !== null
        ? { beijing: { currency: 'CNY', perImage: cny, confirmed: true, asOf: P1_DATE } }
        : {}),
      ...(usd !== null
        ? { international: { currency: 'USD', perImage: usd, confirmed: false, asOf: P1_DATE } }
        : {}),
    },
  };
  return {
    id: e.id,
    name: e.name,
    capabilities: { vision: false, thinking: 'none', webSearch: false, jsonMode: false },
    contextWindow: null,
    maxOutput: null,
    price: null,
    streamingOnly: false,
    image,
  };
}

export const imageModels: readonly ModelInfo[] = entries.map(toModel);

/** The image models as a region sees them: its per-image price, and whether it is offered there. */
export function imageModelsFor(list: PriceListId): ModelInfo[] {
  return imageModels.map((m) => {
    const price = m.image!.prices[list];
    return { ...m, image: { ...m.image!, ...(price ? { regionPrice: price } : {}) }, offered: !!price };
  });
}

export const isImageModel = (m: ModelInfo | undefined | null): boolean => !!m?.image;

/** The largest edit input the API takes (§2.4: ≤ 10 MB each) and how many (1–3). */
export const MAX_EDIT_IMAGES = 3;
export const MAX_EDIT_IMAGE_BYTES = 10 * 1024 * 1024;
