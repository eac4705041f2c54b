/** Messages between the page and the fitting worker (fit.worker.ts). */
import type { VisionSpec } from '../../../../electron/shared/vision';
import type { Refusal } from './classify';

export interface FitRequest {
  id: number;
  file: Blob;
  spec: VisionSpec;
  /** The pixel cap: the model's max_pixels, or its high-resolution cap. */
  cap: number;
}

export interface FittedImage {
  mimeType: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  /** Base64 of the bytes to send (no `data:` prefix). */
  base64: string;
  bytes: number;
  sha256: string;
  /** A small JPEG for the chip. */
  thumbnail: Blob;
  /** True when the original bytes are sent unchanged. */
  unchanged: boolean;
}

export type FitResponse =
  { id: number; ok: true; image: FittedImage } | { id: number; ok: false; reason: Refusal };
