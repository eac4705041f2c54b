import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/history/migrate';
import { migrations, LATEST_VERSION } from '../../../electron/history/migrations';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { HistoryStore } from '../../../electron/history/history-store';
import { ANSWER_CACHE_TTL_MS } from '../../../electron/history/answer-cache-table';
import { tempHistoryDir } from '../../support/history';

/** A version-5 file as the previous release wrote it: a conversation with a question and its answer. */
function v5File(): string {
  const dir = tempHistoryDir();
  const db = new Database(path.join(dir, HISTORY_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    migrations.filter((m) => m.version <= 5),
    'test',
  );
  const id = Number(
    db.prepare("INSERT INTO conversations (title, created_at, updated_at) VALUES ('西湖', 1, 1)").run()
      .lastInsertRowid,
  );
  const question = Number(
    db
      .prepare(
        "INSERT INTO messages (conversation_id, parent_id, depth, role, content, created_at, updated_at) VALUES (?, NULL, 0, 'user', '西湖在杭州', 1, 1)",
      )
      .run(id).lastInsertRowid,
  );
  db.prepare(
    "INSERT INTO messages (conversation_id, parent_id, depth, role, content, status, finish_reason, created_at, updated_at) VALUES (?, ?, 1, 'assistant', 'West Lake is in Hangzhou', 'done', 'stop', 1, 1)",
  ).run(id, question);
  db.close();
  return dir;
}

describe('migration 006: the answer cache (issue 14)', () => {
  it('upgrades a copy of a version-5 file: an empty cache whose entries go with their answers', () => {
    const original = v5File();
    const dir = tempHistoryDir();
    for (const f of fs.readdirSync(original)) fs.copyFileSync(path.join(original, f), path.join(dir, f));

    const store = HistoryStore.open(dir);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION); // 6, and any later ones
      expect(store.answerCache.size).toBe(0);
      const [conversation] = store.conversations.list(0, 10).conversations;
      const answer = store.db.prepare("SELECT id FROM messages WHERE role = 'assistant'").get() as {
        id: number;
      };
      const key = 'a'.repeat(64);
      store.answerCache.put(
        key,
        { messageId: answer.id, content: 'West Lake is in Hangzhou', reasoning: null },
        1000,
      );
      expect(store.answerCache.get(key, 1000 + ANSWER_CACHE_TTL_MS - 1)).toMatchObject({ savedAt: 1000 });
      expect(store.answerCache.get(key, 1000 + ANSWER_CACHE_TTL_MS)).toBeNull();
      // Only hashes are keys, and an entry needs an answer that exists.
      expect(() =>
        store.answerCache.put('short', { messageId: answer.id, content: 'x', reasoning: null }, 1),
      ).toThrow(/CHECK/);
      expect(() =>
        store.answerCache.put('b'.repeat(64), { messageId: 9999, content: 'x', reasoning: null }, 1),
      ).toThrow(/FOREIGN KEY/);
      store.conversations.delete(conversation!.id);
      expect(store.answerCache.size).toBe(0);
    } finally {
      store.close();
    }
    const again = new Database(path.join(original, HISTORY_FILE), { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(5);
    again.close();
  });
});
