import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/history/migrate';
import { initial } from '../../../electron/history/migrations/001-initial';
import { search } from '../../../electron/history/migrations/002-search';
import { idsNeverReused } from '../../../electron/history/migrations/003-ids-never-reused';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { LATEST_VERSION } from '../../../electron/history/migrations';
import { HistoryStore } from '../../../electron/history/history-store';
import { tempHistoryDir } from '../../support/history';

/** A version-3 file as the previous release wrote it: one conversation, a question and an answer. */
function v3File(): string {
  const dir = tempHistoryDir();
  const db = new Database(path.join(dir, HISTORY_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, [initial, search, idsNeverReused], 'test');
  const id = Number(
    db.prepare("INSERT INTO conversations (title, created_at, updated_at) VALUES ('西湖', 1, 1)").run()
      .lastInsertRowid,
  );
  const q = Number(
    db
      .prepare(
        "INSERT INTO messages (conversation_id, parent_id, depth, role, content, created_at, updated_at) VALUES (?, NULL, 0, 'user', '断桥残雪', 1, 1)",
      )
      .run(id).lastInsertRowid,
  );
  db.prepare(
    "INSERT INTO messages (conversation_id, parent_id, depth, role, content, status, created_at, updated_at) VALUES (?, ?, 1, 'assistant', 'A bridge.', 'done', 1, 1)",
  ).run(id, q);
  db.close();
  return dir;
}

describe('migration 004: attachments stored once per SHA-256 (issue 10)', () => {
  it('upgrades a copy of a version-3 file, keeps its history, and frees a blob with its last reference', () => {
    const original = v3File();
    const dir = tempHistoryDir();
    for (const f of fs.readdirSync(original)) fs.copyFileSync(path.join(original, f), path.join(dir, f));

    const store = HistoryStore.open(dir);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION); // 4, and any later ones
      const rows = store.db.prepare('SELECT role, content FROM messages ORDER BY id').all();
      expect(rows).toEqual([
        { role: 'user', content: '断桥残雪' },
        { role: 'assistant', content: 'A bridge.' },
      ]);
      expect(store.search.search('残雪', 10).length).toBe(1);

      // Two questions carry the same bytes: one blob. Deleting one keeps it; deleting both frees it.
      const data = Buffer.from('the same image bytes');
      const item = {
        kind: 'image' as const,
        fileName: 'a.png',
        mimeType: 'image/png',
        width: 10,
        height: 10,
        data,
      };
      const first = (store.db.prepare("SELECT id FROM messages WHERE role = 'user'").get() as { id: number })
        .id;
      const another = Number(
        store.db
          .prepare(
            "INSERT INTO messages (conversation_id, parent_id, depth, role, content, created_at, updated_at) VALUES (1, NULL, 0, 'user', 'again', 2, 2)",
          )
          .run().lastInsertRowid,
      );
      store.attachments.add(first, [item], 3);
      store.attachments.add(another, [item], 3);
      const blobs = () =>
        store.db.prepare('SELECT count(*) AS n FROM attachment_blobs').get() as { n: number };
      expect(blobs().n).toBe(1);
      expect(store.attachments.forMessage(another)[0]).toMatchObject({
        fileName: 'a.png',
        width: 10,
        byteSize: data.length,
      });
      store.db.prepare('DELETE FROM messages WHERE id = ?').run(another);
      expect(blobs().n).toBe(1);
      store.conversations.delete(1);
      expect(blobs().n).toBe(0);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      store.close();
    }
  });
});
