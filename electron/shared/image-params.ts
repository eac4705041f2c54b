/**
 * The rules an image request must keep (qwen-api-2026.md §2.4), checked by the image composer as
 * the person types (so a request Qwen would refuse is explained before it is sent) and again by
 * main before any HTTP request. Each refusal has a code and its values for the UI's language, and
 * an English sentence kept here, in one place, for main's errors and the log.
 *
 * Shared by main and the renderer: no Node, Electron or DOM.
 */
import { englishText, type MainTextKey } from './main-text';
import type { ImageRequest, ModelInfo } from '../contract';
import { sizeAllowed } from './image-models';

export const MAX_IMAGE_PROMPT = 800;
export const MAX_NEGATIVE_PROMPT = 500;
export const MAX_SEED = 2_147_483_647;

export type ImageRefusalCode =
  | 'prompt_empty'
  | 'prompt_long'
  | 'negative_long'
  | 'size'
  | 'n_range'
  | 'seed_range'
  | 'edit_needs_image'
  | 'edit_too_many';

export interface ImageRefusal {
  field: 'prompt' | 'negativePrompt' | 'size' | 'n' | 'seed' | 'images';
  code: ImageRefusalCode;
  values: Record<string, string | number>;
  /** The sentence (electron/shared/main-text.ts), said with `values`; `message` is its English. */
  key: MainTextKey;
  message: string;
}

const refusal = (
  field: ImageRefusal['field'],
  code: ImageRefusalCode,
  values: Record<string, string | number>,
  key: MainTextKey = `image.refused.${code}`,
): ImageRefusal => ({ field, code, values, key, message: englishText(key, values) });

/** Every rule `request` breaks for `model` (an image model), in the form's order; [] when none. */
export function imageRefusals(model: ModelInfo, request: ImageRequest, inputImages = 0): ImageRefusal[] {
  const spec = model.image;
  if (!spec) return [];
  const out: ImageRefusal[] = [];
  const prompt = request.prompt.trim();
  if (!prompt) out.push(refusal('prompt', 'prompt_empty', {}));
  // Characters as people count them (a Chinese character is one), as the API counts them.
  const tooLong = (field: 'prompt' | 'negativePrompt', text: string, max: number) => {
    const count = [...text].length;
    if (count > max)
      out.push(refusal(field, field === 'prompt' ? 'prompt_long' : 'negative_long', { max, count }));
  };
  tooLong('prompt', prompt, MAX_IMAGE_PROMPT);
  tooLong('negativePrompt', request.negativePrompt ?? '', MAX_NEGATIVE_PROMPT);
  if (spec.sizeRule && request.size !== undefined && !sizeAllowed(spec.sizeRule, request.size))
    out.push(refusal('size', 'size', { size: request.size.replace('*', ' × '), model: model.name }));
  const n = request.n ?? 1;
  if (!Number.isInteger(n) || n < spec.n.min || n > spec.n.max)
    out.push(
      refusal(
        'n',
        'n_range',
        { min: spec.n.min, max: spec.n.max, model: model.name },
        spec.n.min === spec.n.max ? 'image.refused.n_exact' : 'image.refused.n_range',
      ),
    );
  if (
    request.seed !== undefined &&
    (!Number.isInteger(request.seed) || request.seed < 0 || request.seed > MAX_SEED)
  )
    out.push(refusal('seed', 'seed_range', { max: MAX_SEED }));
  if (spec.edit && inputImages < 1) out.push(refusal('images', 'edit_needs_image', {}));
  if (inputImages > 3) out.push(refusal('images', 'edit_too_many', { max: 3 }));
  return out;
}
