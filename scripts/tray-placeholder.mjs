// Issue 11: a placeholder tray icon rendered from build/icon.svg into dist/electron/tray/, used
// until the installers issue's icon set (build/tray/) lands. The macOS one is a template image:
// the "Q" alone in black on transparent, which macOS tints for light and dark menu bars.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const Q_PATH =
  'M32 12a20 20 0 1 0 11.3 36.5l6.2 6.2 4.2-4.2-6.1-6.1A20 20 0 0 0 32 12zm0 6a14 14 0 1 1 0 28 14 14 0 0 1 0-28z';

export function renderTrayPlaceholder(outDir = 'dist/electron/tray') {
  fs.mkdirSync(outDir, { recursive: true });
  const colour = fs.readFileSync('build/icon.svg', 'utf8');
  const template = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="6 6 52 52"><path d="${Q_PATH}" fill="#000"/></svg>`;
  const png = (svg, size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  fs.writeFileSync(path.join(outDir, 'tray-placeholder.png'), png(colour, 24));
  fs.writeFileSync(path.join(outDir, 'tray-placeholderTemplate.png'), png(template, 16));
  fs.writeFileSync(path.join(outDir, 'tray-placeholderTemplate@2x.png'), png(template, 32));
}
