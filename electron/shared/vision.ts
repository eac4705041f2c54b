/**
 * Vision input rules per model (qwen-api.md §4, qwen-api-2026.md §3.2): patch size, pixel budgets
 * and the image token formula. Kept apart from the catalog (models.ts) and keyed by model id, so the
 * catalog can change without touching these figures, and the renderer (fitting, token estimates)
 * and main (what goes on the wire) read the same numbers. Shared code: no Node, Electron or DOM.
 */

export interface VisionSpec {
  /** Side of one patch in px: each side is rounded to a multiple of it. */
  patch: 28 | 32;
  minPixels: number;
  /** The default `max_pixels` for an image. */
  maxPixels: number;
  /** The cap with `vl_high_resolution_images: true` (which ignores `max_pixels`). */
  maxPixelsHigh: number;
}

/** Group A: Qwen3.5/3.6/3.7 (natively multimodal) and Qwen3-VL, 32-px patches. */
const GROUP_A: VisionSpec = { patch: 32, minPixels: 65_536, maxPixels: 2_621_440, maxPixelsHigh: 16_777_216 };
/** Group B: qwen-vl-max / qwen-vl-plus (latest), 32-px patches. */
const GROUP_B: VisionSpec = { patch: 32, minPixels: 4_096, maxPixels: 1_310_720, maxPixelsHigh: 16_777_216 };
/** Group C: QVQ, Qwen2.5-VL and older VL snapshots, 28-px patches. */
const GROUP_C: VisionSpec = { patch: 28, minPixels: 3_136, maxPixels: 1_003_520, maxPixelsHigh: 12_845_056 };

/** Checked in order; the first match wins (ids may carry `-latest`, `-us` or a date). */
const RULES: ReadonlyArray<[RegExp, VisionSpec]> = [
  [/^qwen3\.[5-9](-|$)/, GROUP_A],
  [/^qwen3-vl-/, GROUP_A],
  [/^qvq-/, GROUP_C],
  [/^qwen2\.5-vl-/, GROUP_C],
  // Dated snapshots of qwen-vl-max/plus from before 2025-08 use the older 28-px rules.
  [/^qwen-vl-(max|plus)-(2024-\d\d-\d\d|2025-0[1-7]-\d\d)$/, GROUP_C],
  [/^qwen-vl-(max|plus)(-|$)/, GROUP_B],
];

/** The model's vision rules, or null when the id names no model that sees. */
export function visionSpec(modelId: string): VisionSpec | null {
  for (const [pattern, spec] of RULES) if (pattern.test(modelId)) return spec;
  return null;
}

export interface Size {
  width: number;
  height: number;
}

/** The pixel cap a request fits to: the default `max_pixels`, or the high-resolution cap. */
export function pixelCap(spec: VisionSpec, highResolution: boolean): number {
  return highResolution ? spec.maxPixelsHigh : spec.maxPixels;
}

/** Images at most this many px per side are refused (DashScope: width and height ≥ 10 px). */
export const MIN_IMAGE_SIDE = 10;
/** Aspect ratios beyond this are refused (DashScope: ≤ 200:1). */
export const MAX_ASPECT_RATIO = 200;
/** DashScope's limit per data URL item: 10,485,760 bytes. */
export const MAX_DATA_URL_BYTES = 10_485_760;
// Attachment limits (issue 10), checked by the contract's schemas and the page alike.
/** Largest image accepted, in bytes: its base64 data URL stays within DashScope's 10,485,760. */
export const MAX_IMAGE_BYTES = 7_800_000;
/** Base64 characters of all images of one message together (within one bridge message). */
export const MAX_MESSAGE_IMAGE_CHARS = 30_000_000;
/** Images per message, and text files per message. */
export const MAX_IMAGES = 20;
export const MAX_TEXT_FILES = 10;
/** A text file attached as a text part: at most 512 KB (checked as characters here, bytes in the page). */
export const MAX_TEXT_FILE_CHARS = 524_288;

/** Why an image of this size cannot be sent at all, or null. */
export function sizeProblem(width: number, height: number): 'too_small' | 'too_narrow' | null {
  // The ratio first: a 1 × 300 strip is better described as too thin than as too small.
  if (Math.max(width, height) / Math.min(width, height) > MAX_ASPECT_RATIO) return 'too_narrow';
  if (Math.min(width, height) < MIN_IMAGE_SIDE) return 'too_small';
  return null;
}

/**
 * The size to send: within `cap` pixels, each side a multiple of the patch, never larger than the
 * original (a side already under one patch keeps its size: the server pads it, we never upscale).
 */
export function fitSize(
  width: number,
  height: number,
  spec: VisionSpec,
  cap: number,
): { width: number; height: number } {
  const p = spec.patch;
  const scale = Math.min(1, Math.sqrt(cap / (width * height)));
  const side = (v: number) => {
    const scaled = v * scale;
    return scaled < p ? Math.max(1, Math.floor(scaled)) : Math.floor(scaled / p) * p;
  };
  let w = side(width);
  let h = side(height);
  // Flooring keeps the product under the cap; a rounding edge case is settled by one patch less.
  while (w * h > cap && (w > p || h > p)) {
    if (w >= h) w -= p;
    else h -= p;
  }
  return { width: w, height: h };
}

/**
 * The size the model sees an image of `width × height` at (Qwen-VL's smart resize): each side
 * rounded to the patch, scaled down into `cap` or up to `minPixels`.
 */
export function modelSize({ width, height }: Size, spec: VisionSpec, cap: number): Size {
  const p = spec.patch;
  let h = Math.max(p, Math.round(height / p) * p);
  let w = Math.max(p, Math.round(width / p) * p);
  if (w * h > cap) {
    const beta = Math.sqrt((width * height) / cap);
    h = Math.max(p, Math.floor(height / beta / p) * p);
    w = Math.max(p, Math.floor(width / beta / p) * p);
  } else if (w * h < spec.minPixels) {
    const beta = Math.sqrt(spec.minPixels / (width * height));
    h = Math.ceil((height * beta) / p) * p;
    w = Math.ceil((width * beta) / p) * p;
  }
  return { width: w, height: h };
}

/** Tokens for one image: `h·w / patch² + 2` at the size the model sees it, at least 4 + 2. */
export function imageTokens(width: number, height: number, spec: VisionSpec, cap: number): number {
  const seen = modelSize({ width, height }, spec, cap);
  return Math.max(4, (seen.width * seen.height) / (spec.patch * spec.patch)) + 2;
}

/**
 * A rough count of text tokens, for the input-limit check before sending: about one token per CJK
 * character and one per four other characters (Qwen's tokenizer averages close to that), rounded up
 * so the check errs on the side of warning.
 */
export function estimateTextTokens(text: string): number {
  let cjk = 0;
  for (const ch of text) if (/[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch)) cjk++;
  return cjk + Math.ceil((text.length - cjk) / 4);
}

/** Preferred vision models, best first: the "Switch to" offer picks the first the catalog has. */
export const VISION_PREFERENCE: readonly string[] = [
  'qwen3.7-plus',
  'qwen3.6-plus',
  'qwen3.5-plus',
  'qwen3-vl-plus',
  'qwen-vl-max',
  'qwen3.6-flash',
  'qwen3.5-flash',
  'qwen3-vl-flash',
  'qwen-vl-plus',
];
