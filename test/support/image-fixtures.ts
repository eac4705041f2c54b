/**
 * Issue 10's fixtures, made at test time into a temp dir (nothing binary in git): pixels are drawn
 * and encoded by Chromium's canvas, EXIF segments are written by hand, and the 40 MB PNG is encoded
 * here with zlib. `photo.jpg` is 6000×4000 as stored, EXIF orientation 6 (rotate 90° clockwise to
 * show), with a GPS position; its stored top-left quadrant is red, so shown upright the red is at
 * the top right.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';

export interface ImageFixtures {
  dir: string;
  photo: string;
  tinyPng: string;
  tallPng: string;
  screenshot: string;
  svg: string;
  pdf: string;
  emptyPng: string;
  truncatedJpeg: string;
  hugePng: string;
  notes: string;
  /** The start of a HEIC file (an ISO-BMFF `ftyp` box, brand heic). */
  heic: string;
}

/** Draws in a blank page and returns the encoded bytes. */
async function draw(
  browser: Browser,
  spec: { width: number; height: number; kind: 'photo' | 'flat' | 'screenshot'; type: string },
): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const base64 = await page.evaluate(async ({ width, height, kind, type }) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d')!;
      if (kind === 'screenshot') {
        // A window on a transparent desktop: an opaque panel with text-like bars, clear margins.
        ctx.clearRect(0, 0, width, height);
        ctx.fillStyle = '#f4f4f6';
        ctx.fillRect(40, 40, width - 80, height - 80);
        ctx.fillStyle = '#615ced';
        for (let y = 80; y < height - 80; y += 28) ctx.fillRect(70, y, ((y * 7) % (width - 200)) + 60, 12);
      } else {
        ctx.fillStyle = '#2040d0';
        ctx.fillRect(0, 0, width, height);
        ctx.fillStyle = '#e01010';
        ctx.fillRect(0, 0, width / 2, height / 2);
        if (kind === 'photo') {
          // Grain, as a camera gives, so the JPEG is photo-sized rather than a few kilobytes.
          for (let i = 0; i < 60_000; i++) {
            const x = (i * 7919) % width;
            const y = (i * 104_729) % height;
            ctx.fillStyle = `rgba(${(i * 37) % 255},${(i * 91) % 255},${(i * 53) % 255},0.25)`;
            ctx.fillRect(x, y, 24, 24);
          }
        }
      }
      const blob = await canvas.convertToBlob({ type, quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }, spec);
    return Buffer.from(base64, 'base64');
  } finally {
    await page.close();
  }
}

/** An APP1 Exif segment: IFD0 with Orientation and a GPS IFD (latitude/longitude), big-endian. */
export function exifSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(200);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  // IFD0 at 8: two entries.
  let o = 8;
  tiff.writeUInt16BE(2, o);
  o += 2;
  const entry = (tag: number, type: number, count: number, value: number) => {
    tiff.writeUInt16BE(tag, o);
    tiff.writeUInt16BE(type, o + 2);
    tiff.writeUInt32BE(count, o + 4);
    if (type === 3 && count === 1) tiff.writeUInt16BE(value, o + 8);
    else tiff.writeUInt32BE(value, o + 8);
    o += 12;
  };
  entry(0x0112, 3, 1, orientation); // Orientation
  const gpsAt = 8 + 2 + 2 * 12 + 4;
  entry(0x8825, 4, 1, gpsAt); // GPSInfo IFD pointer
  tiff.writeUInt32BE(0, o); // no next IFD
  o = gpsAt;
  tiff.writeUInt16BE(4, o);
  o += 2;
  const rationalsAt = gpsAt + 2 + 4 * 12 + 4;
  entry(1, 2, 2, 0x4e000000); // GPSLatitudeRef "N"
  entry(2, 5, 3, rationalsAt); // GPSLatitude
  entry(3, 2, 2, 0x45000000); // GPSLongitudeRef "E"
  entry(4, 5, 3, rationalsAt + 24); // GPSLongitude
  tiff.writeUInt32BE(0, o);
  // 31° 14′ 0″ N, 121° 28′ 0″ E (Shanghai).
  [31, 1, 14, 1, 0, 1, 121, 1, 28, 1, 0, 1].forEach((v, i) => tiff.writeUInt32BE(v, rationalsAt + i * 4));
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff.subarray(0, rationalsAt + 48)]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/** Puts the segment right after the JPEG's SOI marker. */
export const withExif = (jpeg: Buffer, segment: Buffer) =>
  Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of random noise, stored uncompressed: `side`² pixels, ≈3·side² bytes. */
export function noisePng(side: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = randomBytes((side * 3 + 1) * side);
  for (let y = 0; y < side; y++) raw[y * (side * 3 + 1)] = 0; // filter type: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 0 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function makeImageFixtures(browser: Browser): Promise<ImageFixtures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-images-'));
  const file = (name: string, data: Buffer | string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  };
  const photo = await draw(browser, { width: 6000, height: 4000, kind: 'photo', type: 'image/jpeg' });
  const small = await draw(browser, { width: 640, height: 480, kind: 'photo', type: 'image/jpeg' });
  return {
    dir,
    photo: file('photo.jpg', withExif(photo, exifSegment(6))),
    tinyPng: file('tiny.png', await draw(browser, { width: 5, height: 5, kind: 'flat', type: 'image/png' })),
    tallPng: file(
      'tall.png',
      await draw(browser, { width: 1, height: 300, kind: 'flat', type: 'image/png' }),
    ),
    screenshot: file(
      'screenshot.png',
      await draw(browser, { width: 1280, height: 720, kind: 'screenshot', type: 'image/png' }),
    ),
    svg: file('drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    pdf: file(
      'report.pdf',
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    ),
    emptyPng: file('empty.png', Buffer.alloc(0)),
    truncatedJpeg: file('cut.jpg', small.subarray(0, Math.floor(small.length / 2))),
    hugePng: file('huge.png', noisePng(3700)),
    notes: file('notes.md', '# Notes\n\nThe plan: 龙井 tea at 3 pm.\n'),
    heic: file(
      'IMG_0001.HEIC',
      Buffer.concat([
        Buffer.from([0, 0, 0, 0x18]),
        Buffer.from('ftypheic\0\0\0\0mif1heic'),
        Buffer.alloc(64),
      ]),
    ),
  };
}
