import fs from 'node:fs';
import path from 'node:path';

/** Codes that mean "this folder cannot be written" (read-only mount, permissions, a full disk). */
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/**
 * Checked before anything opens a file in the data folder: without it a read-only folder failed
 * deep inside SQLite with "unable to open database file". Creates the folder if it can, then
 * writes and removes a probe file; nothing else is written, so a refused start leaves no trace.
 */
export function assertWritableDataDir(dataDir: string): void {
  const probe = path.join(dataDir, `.write-check-${process.pid}`);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!NOT_WRITABLE.has(code)) throw err;
    const e = new Error(
      `The data folder ${path.resolve(dataDir)} is not writable (${code}). Make it writable, or choose another folder with QWEN_DESK_DATA_DIR.`,
    );
    (e as Error & { code: string }).code = 'DATA_DIR_NOT_WRITABLE';
    throw e;
  }
}
