/**
 * Main trusts nothing it is sent (issue 10, item 8): each image's bytes are decoded from base64,
 * capped in size, and must start with the magic bytes of the type declared, with a header whose
 * dimensions are the ones declared and within DashScope's limits. Anything else is refused as
 * `invalid_argument`, naming the file, before anything is stored or sent.
 */
import { MAX_IMAGE_BYTES, type AttachmentInput } from '../contract';
import { fail } from '../shared/app-error';
import type { MainTextKey, MainTextParams } from '../shared/main-text';
import type { StoredAttachmentInput } from '../history/attachments-table';
import { MAX_ASPECT_RATIO, MIN_IMAGE_SIDE } from '../shared/vision';
import { readImageHeader } from '../shared/image-header';

/** No side beyond this: the high-resolution cap (16,777,216 px) at 200:1 stays far under it. */
const MAX_SIDE = 16_384 * 4;
/** The high-resolution cap of any model (qwen-api-2026.md §3.2). */
const MAX_PIXELS = 16_777_216;

const refuse = (file: string, key: MainTextKey, params: MainTextParams = {}): never =>
  fail('invalid_argument', key, { params: { file, ...params } });

export function validateAttachments(items: readonly AttachmentInput[]): StoredAttachmentInput[] {
  return items.map((item) => {
    if (item.kind === 'text') {
      return {
        kind: 'text',
        fileName: item.fileName,
        mimeType: 'text/plain',
        width: null,
        height: null,
        data: Buffer.from(item.text, 'utf8'),
      };
    }
    const data = Buffer.from(item.dataBase64, 'base64');
    if (data.length === 0) refuse(item.fileName, 'attachment.empty');
    if (data.length > MAX_IMAGE_BYTES) refuse(item.fileName, 'attachment.tooBig');
    const header = readImageHeader(data);
    if (!header) refuse(item.fileName, 'attachment.notImage');
    if (header!.mime !== item.mimeType)
      refuse(item.fileName, 'attachment.wrongType', { declared: item.mimeType, actual: header!.mime });
    const { width, height } = header!;
    if (width !== item.width || height !== item.height)
      refuse(item.fileName, 'attachment.wrongSize', {
        width,
        height,
        declaredWidth: item.width,
        declaredHeight: item.height,
      });
    if (Math.min(width, height) < MIN_IMAGE_SIDE)
      refuse(item.fileName, 'attachment.tooSmall', { min: MIN_IMAGE_SIDE });
    if (Math.max(width, height) / Math.min(width, height) > MAX_ASPECT_RATIO)
      refuse(item.fileName, 'attachment.tooNarrow', { ratio: MAX_ASPECT_RATIO });
    if (Math.max(width, height) > MAX_SIDE || width * height > MAX_PIXELS)
      refuse(item.fileName, 'attachment.tooManyPixels');
    return { kind: 'image', fileName: item.fileName, mimeType: header!.mime, width, height, data };
  });
}
