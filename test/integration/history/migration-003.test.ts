import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/history/migrate';
import { initial } from '../../../electron/history/migrations/001-initial';
import { search } from '../../../electron/history/migrations/002-search';
import { HISTORY_FILE, openHistoryDatabase } from '../../../electron/history/open-database';
import { HistoryStore } from '../../../electron/history/history-store';
import { LATEST_VERSION } from '../../../electron/history/migrations';
import { tempHistoryDir } from '../../support/history';

/** A version-2 file as the previous release wrote it, with `conversations` × `perConversation` messages. */
function v2File(conversations: number, perConversation: number): string {
  const dir = tempHistoryDir();
  const db = new Database(path.join(dir, HISTORY_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, [initial, search], 'test');
  const conv = db.prepare('INSERT INTO conversations (title, created_at, updated_at) VALUES (?, 1, 1)');
  const msg = db.prepare(
    `INSERT INTO messages (conversation_id, parent_id, depth, role, content, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, 1)`,
  );
  db.transaction(() => {
    for (let c = 0; c < conversations; c++) {
      const id = Number(conv.run(`conversation ${c}`).lastInsertRowid);
      let parent: number | null = null;
      for (let m = 0; m < perConversation; m++) {
        const role = m % 2 ? 'assistant' : 'user';
        const status =
          m === perConversation - 1 && role === 'assistant' ? 'streaming' : role === 'user' ? null : 'done';
        parent = Number(msg.run(id, parent, m, role, `龙井 ${c}-${m} text`, status).lastInsertRowid);
      }
      db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(parent, id);
    }
  })();
  db.close();
  return dir;
}

/** A copy of the file (and its WAL), as the user's folder would hold it. */
function copyOf(dir: string): string {
  const to = tempHistoryDir();
  for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(to, f));
  return to;
}

const dump = (db: Database.Database) => ({
  conversations: db.prepare('SELECT * FROM conversations ORDER BY id').all(),
  messages: db.prepare('SELECT * FROM messages ORDER BY id').all(),
});

describe('migration 003: ids are never reused (issue 9, bug 7)', () => {
  it('keeps every row, the search index and the triggers, with foreign keys on, and the old max id survives a delete', () => {
    const original = v2File(3, 4);
    const before = new Database(path.join(original, HISTORY_FILE), { readonly: true });
    const rows = dump(before);
    before.close();

    const dir = copyOf(original);
    const { db } = openHistoryDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION); // 3, and any later ones
    // Rows as they were (columns added by later migrations, e.g. 005's origin, left out).
    const after = dump(db);
    const added = ['origin'];
    const strip = (list: unknown[]) =>
      list.map((r) => Object.fromEntries(Object.entries(r as object).filter(([k]) => !added.includes(k))));
    expect({ conversations: strip(after.conversations), messages: after.messages }).toEqual(rows);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const sql = (name: string) =>
      (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql;
    expect(sql('conversations')).toMatch(/AUTOINCREMENT/);
    expect(sql('messages')).toMatch(/AUTOINCREMENT/);
    expect(sql('attachments')).toMatch(/REFERENCES messages\(id\)/);
    db.close();

    const store = HistoryStore.open(dir);
    // The search index still finds old rows, and the triggers index new ones.
    expect(store.search.search('龙井 2-1', 10).map((h) => h.messageId)).toEqual([10]);
    const maxConversation = 3;
    const maxMessage = 12;
    expect(store.conversations.delete(maxConversation)).toBe(true);
    expect(store.search.search('龙井 2-1', 10)).toEqual([]);
    const id = store.conversations.create({ title: 'new', now: 2 });
    expect(id).toBe(maxConversation + 1);
    const messageId = store.messages.insert({
      conversationId: id,
      parentId: null,
      role: 'user',
      content: '新的问题',
      now: 2,
    });
    expect(messageId).toBe(maxMessage + 1);
    expect(store.search.search('新的问', 10).map((h) => h.messageId)).toEqual([messageId]);
    // A cascade still works after the rebuild.
    store.conversations.delete(id);
    expect(store.db.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?').get(id)).toEqual({
      n: 0,
    });
    expect(store.conversations.create({ title: 'newer', now: 3 })).toBe(maxConversation + 2);
    store.close();
  });

  it('takes a reasonable time on a sizeable file', () => {
    const dir = v2File(2000, 50);
    const size = fs.statSync(path.join(dir, HISTORY_FILE)).size;
    const started = performance.now();
    const { db } = openHistoryDatabase(dir);
    const ms = performance.now() - started;
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 100_000 });
    db.close();
    console.log(
      `migration 003 on 2,000 conversations / 100,000 messages (${(size / 1e6).toFixed(1)} MB, backup included): ${ms.toFixed(0)} ms`,
    );
    expect(ms).toBeLessThan(30_000);
  });
});
