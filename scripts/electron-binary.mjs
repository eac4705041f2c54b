// Finds the Electron binary without triggering the electron package's lazy download.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The electron package folder, or null when the package itself is not installed. */
export function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The path of the installed Electron executable, or null when the binary is not there. */
export function electronBinary() {
  if (process.env.QWEN_DESK_ELECTRON_PATH) return process.env.QWEN_DESK_ELECTRON_PATH;
  const dir = electronPackageDir();
  if (!dir) return null;
  try {
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
