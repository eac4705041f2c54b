/**
 * Everything in the data directory is the user's alone (issue 9, bug 9): the history, its WAL,
 * backups, damaged copies, logs and settings hold conversations, so on POSIX folders are 0700 and
 * files 0600. Modes are set with chmod after creating, not through `mode:` alone, which the umask
 * narrows or widens; and a folder from an earlier version (0755/0644) is fixed when it is opened.
 * Windows has no such modes (its ACLs already keep a profile's folder private): nothing to do there.
 */
import fs from 'node:fs';
import path from 'node:path';

const POSIX = process.platform !== 'win32';
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its parents) if needed and makes it 0700. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes an existing file 0600; a file that is not there (a WAL not yet created) is no error. */
export function makeFilePrivate(file: string): void {
  if (!POSIX) return;
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** The folder 0700 and everything under it (folders 0700, files 0600); symlinks are left alone. */
export function makeTreePrivate(dir: string): void {
  ensurePrivateDir(dir);
  if (!POSIX) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeTreePrivate(full);
    else if (entry.isFile()) makeFilePrivate(full);
  }
}
