import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HISTORY_FILE,
  closeHistoryDatabase,
  openHistoryDatabase,
} from '../../../electron/history/open-database';
import { HistoryTooNewError } from '../../../electron/history/migrate';
import { LATEST_VERSION } from '../../../electron/history/migrations';
import { HistoryStore } from '../../../electron/history/history-store';
import { dailyBackupIfDue, listBackupFiles } from '../../../electron/history/backups';
import { tempHistoryDir } from '../../support/history';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

describe('opening the history database', () => {
  it('creates the file with WAL, foreign keys, busy timeout, synchronous NORMAL and secure_delete', () => {
    const dir = tempHistoryDir();
    const { db, file, notices } = openHistoryDatabase(dir);
    open.push(db);
    expect(file).toBe(path.join(dir, HISTORY_FILE));
    expect(notices).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('refuses a file written by a newer version and leaves it byte-for-byte as it was', () => {
    const dir = tempHistoryDir();
    const file = path.join(dir, HISTORY_FILE);
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${LATEST_VERSION + 5}`);
    newer.close();
    const before = fs.readFileSync(file);

    expect(() => openHistoryDatabase(dir)).toThrow(HistoryTooNewError);
    expect(() => openHistoryDatabase(dir)).toThrow(/newer version of Qwen Desk.*Update Qwen Desk/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual([HISTORY_FILE]);
  });

  it('moves a file that is not a database aside, starts fresh, and says where the old one is', () => {
    const dir = tempHistoryDir();
    const garbage = Buffer.from('this is not a database, but it is still the user’s file '.repeat(200));
    fs.writeFileSync(path.join(dir, HISTORY_FILE), garbage);
    const store = HistoryStore.open(dir);
    open.push(store.db);
    expect(store.notices).toHaveLength(1);
    const notice = store.notices[0]!;
    expect(notice.kind).toBe('recovered');
    expect(notice.path).toMatch(/history\.sqlite3\.damaged-\d{4}-/);
    expect(notice.message).toContain(notice.path!);
    expect(fs.readFileSync(notice.path!).equals(garbage)).toBe(true);
    expect(store.conversations.list(0, 10).total).toBe(0);
  });

  it('moves aside a database whose pages are damaged (quick_check fails)', () => {
    const dir = tempHistoryDir();
    const store = HistoryStore.open(dir);
    const id = store.conversations.create({ title: 'kept', now: 1 });
    for (let i = 0; i < 200; i++) {
      store.messages.insert({
        conversationId: id,
        parentId: null,
        role: 'user',
        content: `row ${i} `.repeat(50),
        now: i,
      });
    }
    store.close();
    // Scribble over the middle of the file (past the header, inside b-tree pages).
    const file = path.join(dir, HISTORY_FILE);
    const bytes = fs.readFileSync(file);
    for (let i = 8192; i < bytes.length - 4096; i += 7) bytes[i] = 0xff;
    fs.writeFileSync(file, bytes);

    const reopened = HistoryStore.open(dir);
    open.push(reopened.db);
    expect(reopened.notices[0]?.kind).toBe('recovered');
    expect(fs.readFileSync(reopened.notices[0]!.path!).equals(bytes)).toBe(true);
  });

  it('closes with PRAGMA optimize and checkpoints the WAL away', () => {
    const dir = tempHistoryDir();
    const { db } = openHistoryDatabase(dir);
    db.exec("INSERT INTO settings VALUES ('k', '1')");
    closeHistoryDatabase(db);
    expect(db.open).toBe(false);
    expect(fs.existsSync(path.join(dir, `${HISTORY_FILE}-wal`))).toBe(false);
  });

  it('keeps a daily backup made with the backup API, at most one a day, the last five kept', async () => {
    const dir = tempHistoryDir();
    const store = HistoryStore.open(dir);
    open.push(store.db);
    store.conversations.create({ title: 'backed up', now: 1 });
    const first = await dailyBackupIfDue(store.db, dir, Date.now());
    expect(first).not.toBeNull();
    expect(await dailyBackupIfDue(store.db, dir, Date.now())).toBeNull();
    const copy = new Database(first!, { readonly: true });
    expect(copy.prepare('SELECT title FROM conversations').get()).toEqual({ title: 'backed up' });
    copy.close();
    // Age the backups so each run is due, and check the pruning.
    for (let day = 1; day <= 7; day++) {
      for (const f of listBackupFiles(dir, 'daily')) fs.utimesSync(f, new Date(0), new Date(0));
      await dailyBackupIfDue(store.db, dir, Date.now() + day * 86_400_000);
    }
    expect(listBackupFiles(dir, 'daily')).toHaveLength(5);
  });
});
