/**
 * What the fake DashScope server makes of the images it is sent, as DashScope's compatible mode
 * takes them (qwen-api.md §4): each `image_url` part must be a base64 data URL of at most 10 MB, of
 * an image at least 10 px a side, at most 200:1. The fake reads each image's header on its own
 * (not with the app's parser, so a bug there cannot hide itself) and records what it found, EXIF
 * and GPS included, for the tests to assert on.
 */
type WireError = { message: string; type: string; code: string };

export interface ReceivedImage {
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** An APP1 "Exif" segment (JPEG) or an eXIf chunk (PNG). */
  exif: boolean;
  /** The GPS IFD tag (0x8825) anywhere in the bytes' EXIF. */
  gps: boolean;
  maxPixels: number | undefined;
  dataUrl: string;
}

const DATA_URI_LIMIT = 10_485_760;

const invalidUrl: WireError = {
  message:
    'The provided URL does not appear to be valid. Ensure it is correctly formatted. For details, see: https://help.aliyun.com/zh/model-studio/error-code#error-url',
  type: 'invalid_request_error',
  code: 'invalid_parameter_error',
};

/** Every image part of a request, decoded; or the error DashScope would answer instead. */
export function receiveImages(messages: unknown): { images: ReceivedImage[] } | { error: WireError } {
  const images: ReceivedImage[] = [];
  for (const m of Array.isArray(messages) ? messages : []) {
    const content = (m as { content?: unknown }).content;
    if (!Array.isArray(content)) continue;
    for (const part of content as Array<{
      type?: string;
      image_url?: { url?: string; max_pixels?: number };
    }>) {
      if (part.type !== 'image_url') continue;
      const url = part.image_url?.url ?? '';
      const match = /^data:(image\/[a-z+.-]+);base64,(.*)$/s.exec(url);
      if (!match) return { error: invalidUrl };
      if (url.length > DATA_URI_LIMIT)
        return {
          error: {
            message: `Exceeded limit on max bytes per data-uri item : ${DATA_URI_LIMIT}`,
            type: 'invalid_request_error',
            code: 'invalid_parameter_error',
          },
        };
      const data = Buffer.from(match[2]!, 'base64');
      const size = dimensions(data);
      if (!size) return { error: invalidUrl };
      if (
        Math.min(size.width, size.height) < 10 ||
        Math.max(size.width, size.height) / Math.min(size.width, size.height) > 200
      )
        return {
          error: {
            message:
              'The image length and width do not meet the model restrictions: the image must be at least 10 px on each side.',
            type: 'invalid_request_error',
            code: 'invalid_parameter_error',
          },
        };
      images.push({
        mime: match[1]!,
        ...size,
        bytes: data.length,
        exif: hasExif(data),
        gps: hasGps(data),
        maxPixels: part.image_url?.max_pixels,
        dataUrl: url,
      });
    }
  }
  return { images };
}

function dimensions(d: Buffer): { width: number; height: number } | null {
  if (d.subarray(1, 4).toString('latin1') === 'PNG')
    return { width: d.readUInt32BE(16), height: d.readUInt32BE(20) };
  if (d[0] !== 0xff || d[1] !== 0xd8) return null;
  for (let i = 2; i + 9 < d.length;) {
    const marker = d[i + 1]!;
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2)
      return { height: d.readUInt16BE(i + 5), width: d.readUInt16BE(i + 7) };
    i += 2 + d.readUInt16BE(i + 2);
  }
  return null;
}

const hasExif = (d: Buffer) =>
  d.includes(Buffer.from('Exif\0\0', 'latin1')) || d.includes(Buffer.from('eXIf', 'latin1'));
/** The GPS IFD pointer tag, in either byte order. */
const hasGps = (d: Buffer) =>
  hasExif(d) && (d.includes(Buffer.from([0x88, 0x25])) || d.includes(Buffer.from([0x25, 0x88])));
