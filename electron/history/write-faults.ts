/**
 * Write failures: how the app recognises a full disk, and an injectable layer that makes the
 * history's write points fail as a full disk does, for machines where a test cannot mount a small
 * filesystem. Nothing in the app installs a fault: `injectWriteFault` is for the fault suite.
 */

export type WritePoint = 'history' | 'backup';

/** SQLite says SQLITE_FULL; Node's fs says ENOSPC (or EDQUOT past a quota). */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT')
  );
}

let fault: ((point: WritePoint) => boolean) | null = null;

/** Until the returned function is called, writes at the points `failing` picks throw SQLITE_FULL/ENOSPC. */
export function injectWriteFault(failing: (point: WritePoint) => boolean): () => void {
  const mine = failing;
  fault = mine;
  return () => {
    if (fault === mine) fault = null;
  };
}

/** Called just before a write at `point`: throws as a full disk would when a fault is injected there. */
export function checkWrite(point: WritePoint): void {
  if (!fault?.(point)) return;
  const err = new Error(point === 'history' ? 'database or disk is full' : 'ENOSPC: no space left on device');
  (err as Error & { code: string }).code = point === 'history' ? 'SQLITE_FULL' : 'ENOSPC';
  throw err;
}
