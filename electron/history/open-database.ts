import fs from 'node:fs';
import { sentence } from '../shared/main-text';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { HistoryNotice } from '../contract';
import { ensurePrivateDir, makeFilePrivate, makeTreePrivate } from '../core/private-files';
import { backupBeforeMigration } from './backups';
import { HistoryTooNewError, migrate, schemaVersion } from './migrate';
import { LATEST_VERSION, migrations } from './migrations';

export const HISTORY_FILE = 'history.sqlite3';

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  notices: HistoryNotice[];
}

/** SQLite's answers that mean "this file is damaged", as opposed to busy, read-only or missing. */
const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function isDamage(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && [...DAMAGE_CODES].some((c) => code.startsWith(c));
}

function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit is in the WAL file before the call returns, so a crash or SIGKILL
  // of the app loses nothing committed (only power loss can drop the last commits). FULL would
  // add an fsync to every stream flush, four times a second, for no gain against app crashes.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Another process (a second window's bridge, a backup) may hold the lock briefly.
  db.pragma('busy_timeout = 5000');
  // Deleted text is overwritten with zeros in the file, not merely unlinked.
  db.pragma('secure_delete = ON');
  // Reads through a memory map and a 32 MB page cache: opening a long conversation touches pages
  // all over the file, and going through read() for each one was most of its cost.
  db.pragma('mmap_size = 268435456');
  db.pragma('cache_size = -32000');
}

/** Throws when the file is damaged (not a database, or fails quick_check). */
function checkIntact(db: Database.Database): void {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    const err = new Error(`quick_check: ${rows.map((r) => r.quick_check).join('; ')}`);
    (err as Error & { code: string }).code = 'SQLITE_CORRUPT';
    throw err;
  }
}

/** Moves a damaged file (and its -wal/-shm) aside with a time stamp; never deletes it. */
function moveAside(file: string, now: number): string {
  const target = `${file}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** The database and its -wal/-shm, which SQLite creates with the database file's mode. */
function makeDatabasePrivate(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) makeFilePrivate(file + suffix);
}

function openChecked(file: string): Database.Database {
  // Created empty as 0600 first (an empty file is an empty database), so the WAL and shared-memory
  // files SQLite derives from it are private from their first byte too.
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  makeDatabasePrivate(file);
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    checkIntact(db);
    // Refused before any pragma could write to it: a newer version's file stays byte-for-byte as is.
    const version = schemaVersion(db);
    if (version > LATEST_VERSION) throw new HistoryTooNewError(version, LATEST_VERSION, file);
    applyPragmas(db);
    makeDatabasePrivate(file);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Opens (or creates) the history database in `dataDir`: pragmas, an integrity check, migrations
 * (after a backup). A damaged file is moved aside and a fresh one created, with a notice for the
 * UI. A file from a newer version throws HistoryTooNewError and is not touched.
 */
export function openHistoryDatabase(dataDir: string, now: number = Date.now()): OpenedDatabase {
  // Fixes a data folder an earlier version left world-readable (0755/0644), backups and logs included.
  // Only Qwen Desk's own entries: QWEN_DESK_DATA_DIR may name a folder that holds other things too.
  ensurePrivateDir(dataDir);
  for (const name of fs.readdirSync(dataDir)) {
    const full = path.join(dataDir, name);
    if (name === 'backups' || name === 'logs') makeTreePrivate(full);
    else if (name.startsWith(HISTORY_FILE) || name.startsWith('settings.json')) makeFilePrivate(full);
  }
  const file = path.join(dataDir, HISTORY_FILE);
  const notices: HistoryNotice[] = [];
  let db: Database.Database;
  try {
    db = openChecked(file);
  } catch (err) {
    if (!isDamage(err)) throw err;
    const movedTo = moveAside(file, now);
    notices.push({
      kind: 'recovered',
      ...sentence('notice.recovered', { path: movedTo }),
      path: movedTo,
    });
    db = openChecked(file);
  }
  try {
    migrate(db, migrations, file, (from) => {
      if (from > 0) backupBeforeMigration(db, dataDir, now, from);
    });
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, file, notices };
}

/** Lets SQLite update its statistics, then closes (the WAL is checkpointed on close). */
export function closeHistoryDatabase(db: Database.Database): void {
  if (!db.open) return;
  db.pragma('optimize');
  db.close();
}
