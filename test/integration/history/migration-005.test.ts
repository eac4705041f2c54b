import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/history/migrate';
import { initial } from '../../../electron/history/migrations/001-initial';
import { search } from '../../../electron/history/migrations/002-search';
import { idsNeverReused } from '../../../electron/history/migrations/003-ids-never-reused';
import { attachments } from '../../../electron/history/migrations/004-attachments';
import { LATEST_VERSION } from '../../../electron/history/migrations';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { HistoryStore } from '../../../electron/history/history-store';
import { exportJson, importJson } from '../../../electron/history/export-import';
import { tempHistoryDir } from '../../support/history';

/** A version-4 file as the previous release wrote it: one conversation, a question and an answer. */
function v4File(): string {
  const dir = tempHistoryDir();
  const db = new Database(path.join(dir, HISTORY_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, [initial, search, idsNeverReused, attachments], 'test');
  const id = Number(
    db.prepare("INSERT INTO conversations (title, created_at, updated_at) VALUES ('灵隐寺', 1, 1)").run()
      .lastInsertRowid,
  );
  db.prepare(
    "INSERT INTO messages (conversation_id, parent_id, depth, role, content, created_at, updated_at) VALUES (?, NULL, 0, 'user', '飞来峰', 1, 1)",
  ).run(id);
  db.close();
  return dir;
}

describe('migration 005: conversations begun in the quick-ask window are marked (issue 11)', () => {
  it('upgrades a copy of a version-4 file: the old conversation is a main-window one; new ones can be quick', () => {
    const original = v4File();
    const dir = tempHistoryDir();
    for (const f of fs.readdirSync(original)) fs.copyFileSync(path.join(original, f), path.join(dir, f));

    const store = HistoryStore.open(dir);
    try {
      // Upgraded to the newest version (later migrations run on top of 005).
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const [old] = store.conversations.list(0, 10).conversations;
      expect(old).toMatchObject({ title: '灵隐寺', quick: false });
      const quickId = store.conversations.create({ now: 2, origin: 'quick' });
      expect(store.conversations.get(quickId)!.quick).toBe(true);
      // Nothing else can be written there.
      expect(() =>
        store.db.prepare("UPDATE conversations SET origin = 'other' WHERE id = ?").run(quickId),
      ).toThrow(/CHECK/);

      // An export keeps the mark, and an import restores it.
      const exported = exportJson(store);
      expect(exported.conversations.find((c) => c.title === null)).toMatchObject({ quick: true });
      expect(exported.conversations.find((c) => c.title === '灵隐寺')).not.toHaveProperty('quick');
      const other = HistoryStore.open(tempHistoryDir());
      try {
        importJson(other, JSON.parse(JSON.stringify(exported)));
        const listed = other.conversations.list(0, 10).conversations;
        expect(listed.map((c) => c.quick).sort()).toEqual([false, true]);
      } finally {
        other.close();
      }
    } finally {
      store.close();
    }
    // The original file is untouched (the copy was upgraded).
    const again = new Database(path.join(original, HISTORY_FILE), { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(4);
    again.close();
  });
});
