import fs from 'node:fs';
import path from 'node:path';

/** In the data directory while a Qwen Desk process uses it. */
export const LOCK_FILE = 'qwen-desk.lock';

export type LockProgram = 'app' | 'browser mode';

interface LockInfo {
  pid: number;
  startedAt: string;
  program: LockProgram;
}

/** Another live process holds the data folder: this one must not open the history. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data folder ${dataDir} is in use by Qwen Desk (${holder.program}, process ${holder.pid}). ` +
        'Quit it first, or set QWEN_DESK_DATA_DIR to another folder.',
    );
    this.name = 'DataFolderInUseError';
  }
}

export interface DataLock {
  readonly file: string;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
}

/** Folders this process holds (a second core in the same process is refused too). */
const held = new Set<string>();

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && Number.isInteger(info.pid) && info.pid > 0
      ? { pid: info.pid, startedAt: String(info.startedAt), program: info.program ?? 'app' }
      : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, someone else's
  }
}

/**
 * Takes the data folder for this process: `qwen-desk.lock` created exclusively (a hard link), holding pid, start
 * time and program. A lock whose process is gone (a crash, SIGKILL) is taken over; one held by a
 * live process makes this throw DataFolderInUseError. Without it, a second process's
 * `markInterrupted` at open would cut the first one's streaming answers (issue 9, bug 6).
 */
export function acquireDataLock(dataDir: string, program: LockProgram): DataLock {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  const mine: LockInfo = {
    pid: process.pid,
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    program,
  };
  const text = JSON.stringify(mine);
  // Written whole beside it, then linked into place (fails if a lock exists): nobody can read a
  // half-written lock and take it for a damaged, stale one.
  const draft = `${file}.${process.pid}.new`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(draft, text, { mode: 0o600 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new Error(
      `The data folder ${dir} cannot be written (${code}). Check its permissions, or set QWEN_DESK_DATA_DIR to another folder.`,
      { cause: err },
    );
  }
  for (let attempt = 0; ; attempt++) {
    try {
      fs.linkSync(draft, file);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) {
        fs.rmSync(draft, { force: true });
        throw err;
      }
    }
    const holder = readLock(file);
    // Our own pid in a lock we do not hold: left by an earlier process that had the same pid.
    const ours = holder?.pid === process.pid && !held.has(file);
    if (holder && (held.has(file) || (!ours && alive(holder.pid)))) {
      fs.rmSync(draft, { force: true });
      throw new DataFolderInUseError(dir, holder);
    }
    takeOver(file, holder);
  }
  fs.rmSync(draft, { force: true });
  held.add(file);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(file);
    process.removeListener('exit', release);
    try {
      if (fs.readFileSync(file, 'utf8') === text) fs.unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { file, release };
}

/**
 * Moves a stale lock aside. Renaming (not unlinking) means two processes taking over at once cannot
 * both remove it; if what was moved is not the stale lock that was read, it goes back.
 */
function takeOver(file: string, stale: LockInfo | null): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // someone else moved it: try again
  }
  const moved = readLock(aside);
  if (stale && moved && (moved.pid !== stale.pid || moved.startedAt !== stale.startedAt)) {
    try {
      fs.linkSync(aside, file); // a live lock, restored (fails if a newer one is there already)
    } catch {
      // The newer lock wins either way.
    }
  }
  fs.rmSync(aside, { force: true });
}
