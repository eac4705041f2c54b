import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ensurePrivateDir, makeFilePrivate } from '../core/private-files';
import { checkWrite } from './write-faults';

/** How many backups of each kind are kept; older ones are removed after a new one is written. */
export const BACKUPS_KEPT = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupKind = 'premigration' | 'daily';

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

const stamp = (now: number) => new Date(now).toISOString().replace(/[:.]/g, '-');
/** The time `stamp` wrote into a backup's name, or null for a name it did not write. */
function stampTime(name: string): number | null {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  const t = m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : NaN;
  return Number.isFinite(t) ? t : null;
}

function listBackups(dir: string, kind: BackupKind): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`history-${kind}-`) && f.endsWith('.sqlite3'))
    .sort(); // ISO time stamps sort by time
}

function prune(dir: string, kind: BackupKind): void {
  const files = listBackups(dir, kind);
  for (const f of files.slice(0, Math.max(0, files.length - BACKUPS_KEPT))) fs.rmSync(path.join(dir, f));
}

/**
 * Before a migration the copy must be complete before the schema changes, and opening is
 * synchronous, so it is taken with `VACUUM INTO` (a consistent, compact copy in one statement).
 */
export function backupBeforeMigration(
  db: Database.Database,
  dataDir: string,
  now: number,
  fromVersion: number,
): string {
  const dir = backupDir(dataDir);
  ensurePrivateDir(dir);
  const file = path.join(dir, `history-premigration-${stamp(now)}-v${fromVersion}.sqlite3`);
  db.prepare('VACUUM INTO ?').run(file);
  makeFilePrivate(file);
  prune(dir, 'premigration');
  return file;
}

/**
 * The daily copy uses SQLite's online backup API (better-sqlite3's `backup`), which copies in steps
 * and lets the app keep writing meanwhile. Does nothing when the newest one is less than a day old.
 */
export async function dailyBackupIfDue(
  db: Database.Database,
  dataDir: string,
  now: number,
): Promise<string | null> {
  const dir = backupDir(dataDir);
  // Faults (issue 9): due by the times in the names (the clock the app runs on), counting only
  // backups not after `now`: a clock set back (a day, a year) neither stops the daily copy until it
  // catches up nor takes one at every check.
  const taken = listBackups(dir, 'daily').map((f) => stampTime(f) ?? fs.statSync(path.join(dir, f)).mtimeMs);
  const newest = Math.max(-Infinity, ...taken.filter((t) => t <= now));
  if (now - newest < DAY_MS) return null;
  ensurePrivateDir(dir);
  const file = path.join(dir, `history-daily-${stamp(now)}.sqlite3`);
  // Faults (issue 9): written under another name and renamed when whole, so a full disk (or a kill)
  // mid-copy never leaves half a backup that would count as the newest one.
  const partial = `${file}.partial`;
  try {
    checkWrite('backup');
    await db.backup(partial);
    makeFilePrivate(partial);
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  prune(dir, 'daily');
  return file;
}

export function listBackupFiles(dataDir: string, kind: BackupKind): string[] {
  return listBackups(backupDir(dataDir), kind).map((f) => path.join(backupDir(dataDir), f));
}
