import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ensurePrivateDir, makeFilePrivate } from '../core/private-files';

/** How many backups of each kind are kept; older ones are removed after a new one is written. */
export const BACKUPS_KEPT = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupKind = 'premigration' | 'daily';

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

const stamp = (now: number) => new Date(now).toISOString().replace(/[:.]/g, '-');

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
  const newest = listBackups(dir, 'daily').at(-1);
  if (newest && now - fs.statSync(path.join(dir, newest)).mtimeMs < DAY_MS) return null;
  ensurePrivateDir(dir);
  const file = path.join(dir, `history-daily-${stamp(now)}.sqlite3`);
  await db.backup(file);
  makeFilePrivate(file);
  prune(dir, 'daily');
  return file;
}

export function listBackupFiles(dataDir: string, kind: BackupKind): string[] {
  return listBackups(backupDir(dataDir), kind).map((f) => path.join(backupDir(dataDir), f));
}
