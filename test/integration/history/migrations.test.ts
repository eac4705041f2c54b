import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/history/migrate';
import { migrations } from '../../../electron/history/migrations';
import { initial } from '../../../electron/history/migrations/001-initial';
import { search } from '../../../electron/history/migrations/002-search';
import { HISTORY_FILE, openHistoryDatabase } from '../../../electron/history/open-database';
import { listBackupFiles } from '../../../electron/history/backups';
import { tempHistoryDir } from '../../support/history';

const fresh = (dir = tempHistoryDir()) => {
  const db = new Database(path.join(dir, HISTORY_FILE));
  db.pragma('foreign_keys = ON');
  return db;
};

describe('migrations', () => {
  it('are numbered 1, 2, … in order, one per file', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('001 creates conversations, a message tree, attachments and settings with their constraints', () => {
    const db = fresh();
    migrate(db, [initial], 'test');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.exec("INSERT INTO conversations (id, title, created_at, updated_at) VALUES (1, 't', 1, 1)");
    db.exec(
      "INSERT INTO messages (id, conversation_id, parent_id, depth, role, content, created_at, updated_at) VALUES (1, 1, NULL, 0, 'user', 'q', 1, 1)",
    );
    db.exec(
      "INSERT INTO messages (id, conversation_id, parent_id, depth, role, content, status, created_at, updated_at) VALUES (2, 1, 1, 1, 'assistant', 'a', 'done', 1, 1)",
    );
    expect(() =>
      db.exec(
        "INSERT INTO messages (conversation_id, parent_id, depth, role, created_at, updated_at) VALUES (1, 99, 1, 'user', 1, 1)",
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(
        "INSERT INTO messages (conversation_id, depth, role, status, created_at, updated_at) VALUES (1, 0, 'assistant', 'weird', 1, 1)",
      ),
    ).toThrow(/CHECK/);
    db.exec(
      "INSERT INTO attachments (message_id, mime_type, byte_size, sha256, data, created_at) VALUES (1, 'image/png', 3, 'abc', x'010203', 1)",
    );
    expect(() =>
      db.exec(
        "INSERT INTO attachments (message_id, mime_type, byte_size, sha256, created_at) VALUES (1, 'image/png', 3, 'abc', 1)",
      ),
    ).toThrow(/CHECK/);
    db.exec("INSERT INTO settings VALUES ('theme', '\"dark\"')");
    db.exec('DELETE FROM messages WHERE id = 2');
    db.exec('DELETE FROM messages WHERE id = 1');
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
    db.close();
  });

  it('002 indexes the finished messages already there, and later ones through triggers', () => {
    const db = fresh();
    migrate(db, [initial], 'test');
    db.exec('INSERT INTO conversations (id, created_at, updated_at) VALUES (1, 1, 1)');
    db.exec(
      "INSERT INTO messages (id, conversation_id, depth, role, content, created_at, updated_at) VALUES (1, 1, 0, 'user', '西湖龙井茶', 1, 1)",
    );
    db.exec(
      "INSERT INTO messages (id, conversation_id, parent_id, depth, role, content, status, created_at, updated_at) VALUES (2, 1, 1, 1, 'assistant', '半截的回答', 'streaming', 1, 1)",
    );
    migrate(db, [initial, search], 'test');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT v FROM messages_fts_config WHERE k = 'secure-delete'").get()).toEqual({ v: 1 });
    const match = (q: string) =>
      db
        .prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid')
        .all(`"${q}"`)
        .map((r) => (r as { rowid: number }).rowid);
    expect(match('龙井茶')).toEqual([1]);
    expect(match('截的回')).toEqual([]); // still streaming: not indexed
    db.exec("UPDATE messages SET content = '完整的回答', status = 'done' WHERE id = 2");
    expect(match('完整的')).toEqual([2]);
    db.exec("UPDATE messages SET content = '改过的回答' WHERE id = 2");
    expect(match('完整的')).toEqual([]);
    expect(match('改过的')).toEqual([2]);
    db.exec('DELETE FROM messages WHERE id = 2');
    expect(match('改过的')).toEqual([]);
    db.close();
  });

  it('run each step in a transaction: a failing step leaves the file at the last good version', () => {
    const db = fresh();
    const broken = {
      version: 2,
      name: 'broken',
      up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT nope FROM nowhere;'),
    };
    expect(() => migrate(db, [initial, broken], 'test')).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('back the file up before migrating an existing database', () => {
    const dir = tempHistoryDir();
    const db = fresh(dir);
    migrate(db, [initial], 'test');
    db.exec("INSERT INTO conversations (title, created_at, updated_at) VALUES ('before the upgrade', 1, 1)");
    db.close();
    const opened = openHistoryDatabase(dir);
    opened.db.close();
    const [backup] = listBackupFiles(dir, 'premigration');
    expect(backup).toMatch(/-v1\.sqlite3$/);
    const copy = new Database(backup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT title FROM conversations').get()).toEqual({ title: 'before the upgrade' });
    copy.close();
    expect(fs.existsSync(path.join(dir, HISTORY_FILE))).toBe(true);
  });
});
