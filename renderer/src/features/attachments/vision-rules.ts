/**
 * The model side of attachments, for the chips: what the chosen model fits images to, what each
 * costs in tokens and money, whether the model sees at all, and the vision model to offer instead.
 */
import type { ModelInfo } from '../../../../electron/contract';
import { seesImages } from '../../../../electron/shared/params';
import {
  VISION_PREFERENCE,
  estimateTextTokens,
  imageTokens,
  pixelCap,
  visionSpec,
} from '../../../../electron/shared/vision';
import type { AttachmentItem, FitTarget } from './attachments-store';

/** Fallback rules for a model that does not see (its chips still show what an image would cost). */
const FALLBACK = visionSpec('qwen3-vl-plus')!;

export function fitTargetFor(modelId: string, highResolution: boolean): FitTarget {
  const spec = visionSpec(modelId) ?? FALLBACK;
  return { spec, cap: pixelCap(spec, highResolution) };
}

/** Whether a model reads images; a custom id is given the benefit of the doubt only if the rules know it. */
export const modelSees = (model: ModelInfo): boolean => seesImages(model);

export function itemTokens(item: AttachmentItem, target: FitTarget): number | null {
  if (item.kind === 'text')
    return estimateTextTokens(item.text ?? '') + estimateTextTokens(item.fileName) + 4;
  if (!item.image) return null;
  return imageTokens(item.image.width, item.image.height, target.spec, target.cap);
}

/** Tokens of an image already in the conversation, from its stored size. */
export function storedImageTokens(width: number | null, height: number | null, target: FitTarget): number {
  return width && height ? imageTokens(width, height, target.spec, target.cap) : 0;
}

/** The best vision model the catalog (as the region's server listed it) has, or null. */
export function bestVisionModel(models: readonly ModelInfo[]): ModelInfo | null {
  const seeing = models.filter((m) => !m.custom && seesImages(m));
  // The ones the region's server listed; when it listed none of them, the catalog's.
  const listed = seeing.filter((m) => m.listed !== false);
  const usable = listed.length > 0 ? listed : seeing;
  for (const id of VISION_PREFERENCE) {
    const found = usable.find((m) => m.id === id);
    if (found) return found;
  }
  return usable[0] ?? null;
}

/** The input price of `tokens`, or null when the model has no price. */
export function tokenCost(tokens: number, model: ModelInfo | undefined): number | null {
  return model?.price ? (tokens * model.price.input) / 1_000_000 : null;
}
