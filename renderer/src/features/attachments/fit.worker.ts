/**
 * Fits one image to a Qwen-VL model, off the main thread (issue 10, item 3): decodes it with its
 * EXIF orientation applied, downscales it into the model's pixel cap with each side a multiple of
 * the patch (never upscaling), and re-encodes it, which leaves every piece of metadata (GPS, camera,
 * embedded thumbnails) behind. An image already within the cap, without metadata, in a type Qwen
 * takes, is sent as it is: re-encoding would only make it bigger (LobeHub #13485).
 */
import { hasMetadata, sniffImageMime } from '../../../../electron/shared/image-header';
import { MAX_IMAGE_BYTES, fitSize, sizeProblem } from '../../../../electron/shared/vision';
import type { FitRequest, FitResponse, FittedImage } from './fit-protocol';
import type { Refusal } from './classify';

// The renderer is type-checked with the DOM library; the two worker globals it lacks, declared here.
declare const FileReaderSync: { new (): { readAsDataURL(blob: Blob): string } };
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FitRequest>) => void) | null;
  postMessage(message: FitResponse): void;
};

class Refused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason);
  }
}

// One image at a time: twenty 24-MP photos decoded at once would need gigabytes.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<FitRequest>) => {
  const { id } = event.data;
  queue = queue.then(() =>
    fit(event.data).then(
      (image) => scope.postMessage({ id, ok: true, image } satisfies FitResponse),
      (err: unknown) =>
        scope.postMessage({
          id,
          ok: false,
          reason: err instanceof Refused ? err.reason : 'corrupt',
        } satisfies FitResponse),
    ),
  );
};

const THUMB_SIDE = 160;

async function fit({ file, spec, cap }: FitRequest): Promise<FittedImage> {
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const source = sniffImageMime(head);
  if (source && (await truncated(file, source))) throw new Refused('corrupt');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new Refused('corrupt');
  }
  try {
    const problem = sizeProblem(bitmap.width, bitmap.height);
    if (problem) throw new Refused(problem);
    const thumbnail = await encodeThumbnail(bitmap);
    const keep =
      (source === 'image/png' || source === 'image/jpeg' || source === 'image/webp') &&
      bitmap.width * bitmap.height <= cap &&
      file.size <= MAX_IMAGE_BYTES &&
      !hasMetadata(head);
    if (keep) return await finish(file, source, bitmap.width, bitmap.height, thumbnail, true);
    const target = fitSize(bitmap.width, bitmap.height, spec, cap);
    const encoded = await encode(bitmap, target.width, target.height, source);
    return await finish(
      encoded,
      encoded.type as FittedImage['mimeType'],
      target.width,
      target.height,
      thumbnail,
      false,
    );
  } finally {
    bitmap.close();
  }
}

/**
 * A JPEG without its end marker or a PNG without IEND: Chromium would decode the part that arrived
 * and grey out the rest, so a cut file would be sent as if whole.
 */
async function truncated(file: Blob, mime: string): Promise<boolean> {
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - 4096)).arrayBuffer());
  if (mime === 'image/jpeg') {
    for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return false;
    return true;
  }
  if (mime === 'image/png') return !String.fromCharCode(...tail.subarray(-12)).includes('IEND');
  return false;
}

async function encode(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  source: string | null,
): Promise<Blob> {
  const scaled =
    width === bitmap.width && height === bitmap.height
      ? bitmap
      : await createImageBitmap(bitmap, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: false })!;
  ctx.drawImage(scaled, 0, 0);
  if (scaled !== bitmap) scaled.close();
  // JPEG never has transparency; other sources may.
  if (source !== 'image/jpeg' && hasAlpha(ctx, width, height))
    return canvas.convertToBlob({ type: 'image/png' });
  let quality = 0.9;
  let jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  // Screenshots (anything but a JPEG photo) are often smaller as PNG at the same size.
  if (source !== 'image/jpeg') {
    const png = await canvas.convertToBlob({ type: 'image/png' });
    if (png.size < jpeg.size && png.size <= MAX_IMAGE_BYTES) return png;
  }
  while (jpeg.size > MAX_IMAGE_BYTES && quality > 0.3) {
    quality -= 0.15;
    jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  if (jpeg.size > MAX_IMAGE_BYTES) throw new Refused('too_big');
  return jpeg;
}

/** Any pixel not fully opaque; read in strips so a large image is never copied out at once. */
function hasAlpha(ctx: OffscreenCanvasRenderingContext2D, width: number, height: number): boolean {
  const strip = Math.max(1, Math.floor(1_000_000 / width));
  for (let y = 0; y < height; y += strip) {
    const data = ctx.getImageData(0, y, width, Math.min(strip, height - y)).data;
    for (let i = 3; i < data.length; i += 4) if (data[i]! < 255) return true;
  }
  return false;
}

async function encodeThumbnail(bitmap: ImageBitmap): Promise<Blob> {
  const scale = Math.min(1, THUMB_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const small = await createImageBitmap(bitmap, { resizeWidth: w, resizeHeight: h, resizeQuality: 'medium' });
  const canvas = new OffscreenCanvas(w, h);
  canvas.getContext('2d')!.drawImage(small, 0, 0);
  small.close();
  return canvas.convertToBlob({ type: 'image/png' });
}

async function finish(
  blob: Blob,
  mimeType: FittedImage['mimeType'],
  width: number,
  height: number,
  thumbnail: Blob,
  unchanged: boolean,
): Promise<FittedImage> {
  const buffer = await blob.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  const dataUrl = new FileReaderSync().readAsDataURL(blob);
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return { mimeType, width, height, base64, bytes: buffer.byteLength, sha256, thumbnail, unchanged };
}
