/**
 * Reads an image's type and size from its first bytes, without decoding it: main trusts nothing
 * the renderer sends, so the declared type must match the magic bytes and the header's dimensions
 * must be within the limits before anything is stored or sent. Pure (Uint8Array only), so the
 * renderer can use it too.
 */

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

export interface ImageHeader {
  mime: ImageMime;
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** The type named by the magic bytes alone (PNG, JPEG, WebP, GIF), or null. */
export function sniffImageMime(b: Uint8Array): ImageMime | null {
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a)
    return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'image/gif';
  return null;
}

/** Type and dimensions from the header, or null when the bytes are not a well-formed header. */
export function readImageHeader(b: Uint8Array): ImageHeader | null {
  const mime = sniffImageMime(b);
  const size =
    mime === 'image/png'
      ? pngSize(b)
      : mime === 'image/jpeg'
        ? jpegSize(b)
        : mime === 'image/webp'
          ? webpSize(b)
          : mime === 'image/gif'
            ? gifSize(b)
            : null;
  if (!mime || !size || size.width < 1 || size.height < 1) return null;
  return { mime, ...size };
}

function pngSize(b: Uint8Array) {
  // The first chunk must be IHDR: length 13, then width and height (big-endian).
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function jpegSize(b: Uint8Array) {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const length = u16be(b, i + 2);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (marker === 0xda || length < 2) return null; // scan data before any frame header
    i += 2 + length;
  }
  return null;
}

function webpSize(b: Uint8Array) {
  if (b.length < 30) return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  return null;
}

function gifSize(b: Uint8Array) {
  if (b.length < 10) return null;
  return { width: u16le(b, 6), height: u16le(b, 8) };
}

/**
 * Whether a JPEG or PNG carries metadata worth stripping: EXIF/XMP (APP1), other APPn segments
 * than JFIF, comments; in a PNG eXIf, tEXt, zTXt, iTXt, tIME. Reads at most the header area.
 */
export function hasMetadata(b: Uint8Array): boolean {
  const mime = sniffImageMime(b);
  if (mime === 'image/jpeg') {
    let i = 2;
    while (i + 3 < b.length) {
      if (b[i] !== 0xff) return true; // not a clean segment list: treat as unknown, re-encode
      const marker = b[i + 1]!;
      if (marker === 0xda) return false;
      if (marker === 0xfe) return true; // COM
      if (marker >= 0xe1 && marker <= 0xef) return true; // APP1–APP15 (EXIF, XMP, ICC, …)
      if (marker === 0xe0 && ascii(b, i + 4, 4) !== 'JFIF') return true;
      i += 2 + u16be(b, i + 2);
    }
    return true;
  }
  if (mime === 'image/png') {
    let i = 8;
    while (i + 8 <= b.length) {
      const type = ascii(b, i + 4, 4);
      if (type === 'IDAT' || type === 'IEND') return false;
      if (['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME'].includes(type)) return true;
      i += 12 + u32be(b, i);
    }
    return true;
  }
  return true; // WebP, GIF: never sent as they are
}
