// A stand-in Electron distribution for packaging where no Electron binary can be downloaded
// (this project's offline machines; desktop-parts.md §1.2). electron-builder only needs a file
// named `electron`; ours is a shell script that says what it is, followed by a fuse wire laid out
// as in Electron's binary (sentinel, version 1, length, one byte per fuse, Electron's defaults), so
// the afterPack hook flips real fuses and a test can read them back. It never runs Qwen Desk.
import fs from 'node:fs';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's default fuse states ('1' on, '0' off), in wire order (9 fuses). */
const DEFAULT_FUSES = '101100011';

const SCRIPT = `#!/bin/sh
echo "This is a stand-in for Electron, made for packaging tests: it cannot run Qwen Desk." >&2
exit 1
`;

/** Writes the stand-in into `dir` (created if needed) and returns `dir`. */
export function makeStandInElectronDist(dir) {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(`# ${FUSE_SENTINEL}`),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from(SCRIPT), wire]), { mode: 0o755 });
  // The files of a real dist that the Linux packages' scripts and electronLanguages look at.
  fs.writeFileSync(path.join(dir, 'chrome-sandbox'), SCRIPT, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for the Electron licence.\n');
  fs.writeFileSync(path.join(dir, 'version'), readElectronVersion());
  for (const locale of ['en-US', 'zh-CN']) fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), '');
  return dir;
}

function readElectronVersion() {
  try {
    return JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}
