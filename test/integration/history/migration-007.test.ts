import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/history/migrate';
import { initial } from '../../../electron/history/migrations/001-initial';
import { search } from '../../../electron/history/migrations/002-search';
import { idsNeverReused } from '../../../electron/history/migrations/003-ids-never-reused';
import { attachments } from '../../../electron/history/migrations/004-attachments';
import { quickOrigin } from '../../../electron/history/migrations/005-quick-origin';
import { answerCache } from '../../../electron/history/migrations/006-answer-cache';
import { LATEST_VERSION } from '../../../electron/history/migrations';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { HistoryStore } from '../../../electron/history/history-store';
import { tempHistoryDir } from '../../support/history';

/** A version-6 file as the previous release wrote it: a question and its answer. */
function v6File(): string {
  const dir = tempHistoryDir();
  const db = new Database(path.join(dir, HISTORY_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, [initial, search, idsNeverReused, attachments, quickOrigin, answerCache], 'test');
  const id = Number(
    db.prepare("INSERT INTO conversations (title, created_at, updated_at) VALUES ('西湖', 1, 1)").run()
      .lastInsertRowid,
  );
  const q = db
    .prepare(
      "INSERT INTO messages (conversation_id, parent_id, depth, role, content, created_at, updated_at) VALUES (?, NULL, 0, 'user', '断桥', 1, 1)",
    )
    .run(id).lastInsertRowid;
  const a = db
    .prepare(
      "INSERT INTO messages (conversation_id, parent_id, depth, role, content, status, created_at, updated_at) VALUES (?, ?, 1, 'assistant', '残雪', 'done', 1, 1)",
    )
    .run(id, q).lastInsertRowid;
  db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(a, id);
  db.close();
  return dir;
}

describe('migration 007: image jobs beside their answers (issue 14)', () => {
  it('upgrades a copy of a version-6 file: old answers have no job, new image answers keep theirs', () => {
    const original = v6File();
    const dir = tempHistoryDir();
    for (const f of fs.readdirSync(original)) fs.copyFileSync(path.join(original, f), path.join(dir, f));

    const store = HistoryStore.open(dir);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(7);
      const [conversation] = store.conversations.list(0, 10).conversations;
      const page = store.page(conversation!.id, { limit: 10 })!;
      expect(page.messages.map((m) => m.content)).toEqual(['断桥', '残雪']);
      expect(page.messages[1]).not.toHaveProperty('imageJob');

      const answer = page.messages[1]!.id;
      store.imageJobs.insert({
        messageId: answer,
        model: 'qwen-image',
        api: 'async',
        request: { prompt: '断桥' },
        editImages: [],
        now: 2,
      });
      store.imageJobs.update(answer, { state: 'queued', taskId: 'task-1' }, 3);
      expect(store.imageJobs.open().map((j) => [j.messageId, j.state, j.taskId])).toEqual([
        [answer, 'queued', 'task-1'],
      ]);
      // Only the known states and API shapes can be written.
      expect(() => store.db.prepare("UPDATE image_jobs SET state = 'drawing'").run()).toThrow(/CHECK/);
      expect(() => store.db.prepare("UPDATE image_jobs SET api = 'batch'").run()).toThrow(/CHECK/);
      // The job goes with its message.
      store.deleteMessage(store.messages.get(answer)!);
      expect(store.db.prepare('SELECT count(*) AS n FROM image_jobs').get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
    const again = new Database(path.join(original, HISTORY_FILE), { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(6);
    again.close();
  });
});
