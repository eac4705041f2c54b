import { describe, expect, it } from 'vitest';
import { hasMetadata, readImageHeader } from '../../../electron/shared/image-header';
import { exifSegment, noisePng, withExif } from '../../support/image-fixtures';

const jpeg = (w: number, h: number, app0 = true) =>
  Buffer.from([
    0xff,
    0xd8,
    ...(app0
      ? [
          0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
          0x00, 0x00,
        ]
      : []),
    0xff,
    0xc2,
    0x00,
    0x11,
    0x08,
    h >> 8,
    h & 0xff,
    w >> 8,
    w & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
    0xff,
    0xda,
    0x00,
    0x02,
  ]);

describe('image headers read by main (issue 10, item 8)', () => {
  it('reads type and size of PNG, JPEG (progressive too), WebP (VP8X, VP8L) and GIF', () => {
    expect(readImageHeader(noisePng(12))).toEqual({ mime: 'image/png', width: 12, height: 12 });
    expect(readImageHeader(jpeg(6000, 4000))).toEqual({ mime: 'image/jpeg', width: 6000, height: 4000 });
    const vp8x = Buffer.alloc(30);
    vp8x.write('RIFF', 0, 'latin1');
    vp8x.write('WEBPVP8X', 8, 'latin1');
    vp8x.writeUIntLE(1919, 24, 3);
    vp8x.writeUIntLE(1079, 27, 3);
    expect(readImageHeader(vp8x)).toEqual({ mime: 'image/webp', width: 1920, height: 1080 });
    const vp8l = Buffer.alloc(30);
    vp8l.write('RIFF', 0, 'latin1');
    vp8l.write('WEBPVP8L', 8, 'latin1');
    vp8l[20] = 0x2f;
    vp8l.writeUInt32LE(((300 - 1) | ((200 - 1) << 14)) >>> 0, 21);
    expect(readImageHeader(vp8l)).toEqual({ mime: 'image/webp', width: 300, height: 200 });
    const gif = Buffer.from('GIF89a\x40\x01\xf0\x00', 'latin1');
    expect(readImageHeader(gif)).toEqual({ mime: 'image/gif', width: 320, height: 240 });
  });

  it('says null for anything else: a PDF, a cut header, a JPEG whose scan comes before a frame', () => {
    expect(readImageHeader(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(readImageHeader(noisePng(12).subarray(0, 20))).toBeNull();
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(readImageHeader(Buffer.alloc(0))).toBeNull();
  });

  it('finds EXIF (with GPS), comments and PNG text chunks as metadata; a bare JFIF or PNG has none', () => {
    expect(hasMetadata(jpeg(10, 10))).toBe(false);
    expect(hasMetadata(withExif(jpeg(10, 10), exifSegment(6)))).toBe(true);
    expect(hasMetadata(noisePng(10))).toBe(false);
    const png = noisePng(10);
    const text = Buffer.concat([Buffer.from([0, 0, 0, 4]), Buffer.from('tEXtabcd'), Buffer.alloc(4)]);
    expect(hasMetadata(Buffer.concat([png.subarray(0, 33), text, png.subarray(33)]))).toBe(true);
  });
});
