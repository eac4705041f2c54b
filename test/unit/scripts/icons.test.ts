/**
 * Issue 12, item 4: every icon comes from build/icon.svg. Renders them again and fails when a
 * committed file differs (the SVG changed without `npm run icons`, or a file was edited by hand),
 * and checks what each platform expects of its formats.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIRS, renderIcons } from '../../../scripts/icons.mjs';
import { readPng } from '../../support/png';

const rendered = await renderIcons();
const png = (file: string) => readPng(fs.readFileSync(file));

describe('icons from build/icon.svg', () => {
  it('are committed exactly as the SVG renders them (run `npm run icons` after changing it)', () => {
    const stale = [...rendered].filter(
      ([file, bytes]) => !fs.existsSync(file) || !fs.readFileSync(file).equals(bytes),
    );
    expect(stale.map(([file]) => file)).toEqual([]);
  });

  it('leave nothing else in the generated folders', () => {
    const present = GENERATED_DIRS.flatMap((dir) =>
      fs.readdirSync(dir).map((name) => path.posix.join(dir, name)),
    );
    expect(present.filter((file) => !rendered.has(file))).toEqual([]);
  });

  it('give Linux a PNG for every size from 16 to 1024, each as big as its name says', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const image = png(`build/icons/png/${size}x${size}.png`);
      expect([image.width, image.height]).toEqual([size, size]);
    }
    expect(png('build/icon.png').width).toBe(1024);
  });

  it('give Windows an .ico with 16…256 and macOS an .icns up to 1024 (512@2x)', () => {
    const ico = fs.readFileSync('build/icon.ico');
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);

    const icns = fs.readFileSync('build/icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.subarray(at, at + 4).toString('ascii'));
      // Each entry is a whole PNG.
      expect(icns.subarray(at + 9, at + 12).toString('ascii')).toBe('PNG');
    }
    expect(types).toEqual(expect.arrayContaining(['icp4', 'ic07', 'ic09', 'ic10']));
  });

  it('make macOS tray template images: black only, with the shape in the alpha channel, 16 px and @2x', () => {
    for (const [file, size] of [
      ['build/tray/trayTemplate.png', 16],
      ['build/tray/trayTemplate@2x.png', 32],
    ] as const) {
      const image = png(file);
      expect(image.width).toBe(size);
      let opaque = 0;
      for (let i = 0; i < image.data.length; i += 4) {
        expect(image.data[i]! + image.data[i + 1]! + image.data[i + 2]!).toBe(0);
        if (image.data[i + 3]! > 200) opaque++;
      }
      // A shape, not an empty or a filled square.
      expect(opaque / (size * size)).toBeGreaterThan(0.2);
      expect(opaque / (size * size)).toBeLessThan(0.8);
    }
  });

  it('make colour tray icons for Windows (.ico, 16…48) and Linux (PNG and @2x)', () => {
    const ico = fs.readFileSync('build/tray/tray-windows.ico');
    expect(Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16])).toEqual([
      16, 20, 24, 32, 40, 48,
    ]);
    expect(png('build/tray/tray-linux.png').width).toBe(32);
    expect(png('build/tray/tray-linux@2x.png').width).toBe(64);
  });
});
