#!/usr/bin/env node
// `npm run icons`: renders every icon from the one source, build/icon.svg (issue 12, item 4):
//  - build/icons/png/<n>x<n>.png, 16…1024, for Linux (hicolor) and the window; build/icon.png (1024)
//  - build/icon.icns (macOS, with Apple's margin) and build/icon.ico (Windows, 16…256)
//  - build/tray/: trayTemplate.png + @2x (macOS menu bar: black glyph, alpha only),
//    tray-windows.ico (16…48, in colour), tray-linux.png + @2x (in colour)
// Small sizes (≤ 32 px) fill the whole square, so the glyph stays legible. The files are committed;
// test/unit/build/icons.test.ts renders them again and fails when they differ from the SVG.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SOURCE = path.join(root, 'build', 'icon.svg');
/** The folders whose every file this script writes (the test checks nothing stale is left there). */
export const GENERATED_DIRS = ['build/icons/png', 'build/tray'];

const FULL = '0 0 1024 1024';
const BLEED = '64 64 896 896'; // the rounded square edge to edge
const MAC = '-36 -36 1096 1096'; // Apple's grid: an 824 px body in a 1024 px canvas
const GLYPH = '218 198 620 620'; // the speech-bubble Q alone

function render(svg, size, viewBox) {
  const source = svg.replace(/viewBox="[^"]*"/, `viewBox="${viewBox}"`);
  return Buffer.from(new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

/** The glyph in black on transparency: a macOS template image (the menu bar tints it). */
function templateSvg(svg) {
  const glyph = /<path id="glyph"[^>]*\/>/.exec(svg)?.[0];
  if (!glyph) throw new Error('build/icon.svg has no <path id="glyph">');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${FULL}">${glyph.replace(/fill="[^"]*"/, 'fill="#000000"')}</svg>`;
}

function appIcon(svg, size) {
  return render(svg, size, size <= 32 ? BLEED : FULL);
}

/** An .icns holding PNGs (the format macOS reads since 10.7): a header, then type + length + data. */
function icns(entries) {
  const chunks = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

const ico = (pngs) => pngToIco(pngs);

/** Every generated file, by path relative to the project, rendered from `svg`. */
export async function renderIcons(svg = fs.readFileSync(ICON_SOURCE, 'utf8')) {
  const files = new Map();
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
    files.set(`build/icons/png/${size}x${size}.png`, appIcon(svg, size));
  }
  files.set('build/icon.png', files.get('build/icons/png/1024x1024.png'));
  files.set('build/icon.ico', await ico([16, 24, 32, 48, 64, 128, 256].map((s) => appIcon(svg, s))));
  const mac = (size) => render(svg, size, MAC);
  files.set(
    'build/icon.icns',
    icns([
      ['icp4', mac(16)],
      ['icp5', mac(32)],
      ['icp6', mac(64)],
      ['ic07', mac(128)],
      ['ic08', mac(256)],
      ['ic09', mac(512)],
      ['ic10', mac(1024)],
      ['ic11', mac(32)],
      ['ic12', mac(64)],
      ['ic13', mac(256)],
      ['ic14', mac(512)],
    ]),
  );
  const template = templateSvg(svg);
  files.set('build/tray/trayTemplate.png', render(template, 16, GLYPH));
  files.set('build/tray/trayTemplate@2x.png', render(template, 32, GLYPH));
  files.set('build/tray/tray-linux.png', render(svg, 32, BLEED));
  files.set('build/tray/tray-linux@2x.png', render(svg, 64, BLEED));
  files.set(
    'build/tray/tray-windows.ico',
    await ico([16, 20, 24, 32, 40, 48].map((s) => render(svg, s, BLEED))),
  );
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const dir of GENERATED_DIRS) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
  const files = await renderIcons();
  for (const [file, bytes] of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), bytes);
  }
  console.log(`Rendered ${files.size} icon files from build/icon.svg.`);
}
