/**
 * What a dropped, pasted or picked file is, from its first bytes and its name (never from the
 * `type` the OS guessed alone): an image Chromium can decode, a plain-text file, or a refusal with
 * the reason the chip row shows. SVG is refused (it can carry script); HEIC and TIFF get a message
 * saying how to convert.
 */
import { MAX_TEXT_FILE_CHARS } from '../../../../electron/shared/vision';

export type Refusal =
  | 'empty'
  | 'svg'
  | 'heic'
  | 'tiff'
  | 'not_image'
  | 'corrupt'
  | 'too_small'
  | 'too_narrow'
  | 'too_big'
  | 'text_too_big'
  | 'text_not_utf8'
  | 'too_many';

export type Classified = { kind: 'image' } | { kind: 'text' } | { kind: 'refused'; reason: Refusal };

/** Files larger than this are not even read (a 24-MP photo is ≈10 MB; 40 MB PNGs fit). */
export const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

const TEXT_EXTENSIONS = new Set(
  'txt md markdown csv tsv json jsonl yaml yml toml ini log xml html css js mjs cjs ts tsx jsx py rb go rs java kt swift c h cc cpp hpp cs php sh bash zsh ps1 sql r lua pl scala dart vue svelte'.split(
    ' ',
  ),
);

const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
const extension = (name: string) => name.toLowerCase().split('.').pop() ?? '';

export async function classify(file: File): Promise<Classified> {
  if (file.size === 0) return { kind: 'refused', reason: 'empty' };
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const ext = extension(file.name);
  const start = ascii(head, 0, 64).trimStart().toLowerCase();
  if (
    ext === 'svg' ||
    file.type === 'image/svg+xml' ||
    start.startsWith('<svg') ||
    /^<\?xml[^>]*>\s*<svg/.test(start)
  )
    return { kind: 'refused', reason: 'svg' };
  const brand = ascii(head, 4, 8);
  if (/^ftyp(heic|heix|hevc|mif1|msf1|heif)/.test(brand) || ext === 'heic' || ext === 'heif')
    return { kind: 'refused', reason: 'heic' };
  if (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*' || ext === 'tif' || ext === 'tiff')
    return { kind: 'refused', reason: 'tiff' };
  if (looksLikeImage(head, brand)) {
    return file.size > MAX_SOURCE_BYTES ? { kind: 'refused', reason: 'too_big' } : { kind: 'image' };
  }
  if (TEXT_EXTENSIONS.has(ext) || file.type.startsWith('text/')) {
    return file.size > MAX_TEXT_FILE_CHARS ? { kind: 'refused', reason: 'text_too_big' } : { kind: 'text' };
  }
  // An image type the bytes do not back (a renamed PDF, a damaged file).
  return { kind: 'refused', reason: file.type.startsWith('image/') ? 'corrupt' : 'not_image' };
}

/** PNG, JPEG, WebP, GIF, BMP, ICO, AVIF: what Chromium decodes as a still image. */
function looksLikeImage(b: Uint8Array, brand: string): boolean {
  if (b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return true;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return true;
  if (ascii(b, 0, 4) === 'GIF8') return true;
  if (ascii(b, 0, 2) === 'BM') return true;
  if (b[0] === 0 && b[1] === 0 && (b[2] === 1 || b[2] === 2) && b[3] === 0) return true; // ICO / CUR
  return /^ftyp(avif|avis)/.test(brand);
}

/** A text file's contents, or why it cannot be attached (not UTF-8, or holding NUL bytes). */
export async function readText(file: File): Promise<string | Refusal> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\0') ? 'text_not_utf8' : text;
  } catch {
    return 'text_not_utf8';
  }
}
