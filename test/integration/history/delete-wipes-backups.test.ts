import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupBeforeMigration, dailyBackupIfDue, listBackupFiles } from '../../../electron/history/backups';
import { HistoryStore } from '../../../electron/history/history-store';
import { tempHistoryDir } from '../../support/history';

/** Every file under `dir` (the database, -wal/-shm, backups, journals) holding `needle`'s bytes. */
function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  const found: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(e.parentPath, e.name);
    if (e.isFile() && fs.readFileSync(full).includes(bytes)) found.push(path.relative(dir, full));
  }
  return found;
}

function conversationWith(
  store: HistoryStore,
  question: string,
  answer: string,
): { id: number; answerId: number } {
  const id = store.conversations.create({ title: 'chat', now: 1 });
  const q = store.messages.insert({
    conversationId: id,
    parentId: null,
    role: 'user',
    content: question,
    now: 1,
  });
  const answerId = store.messages.insert({
    conversationId: id,
    parentId: q,
    role: 'assistant',
    content: answer,
    status: 'done',
    now: 1,
  });
  store.conversations.setLeaf(id, answerId);
  return { id, answerId };
}

/** Bug 8 (issue 9): deleted text survived in backups/ (five daily copies, pre-migration ones). */
describe('deleting wipes the text from every file in the data directory, backups included', () => {
  it('a deleted conversation', async () => {
    const dataDir = tempHistoryDir();
    const marker = `SECRET-${crypto.randomUUID()}-机密`;
    const store = HistoryStore.open(dataDir);
    const kept = conversationWith(store, 'kept question', 'kept answer');
    // A long answer too, so overflow pages are covered.
    const gone = conversationWith(store, `question ${marker}`, `${marker} ${'x'.repeat(20_000)} ${marker}`);
    backupBeforeMigration(store.db, dataDir, Date.now() - 1000, 2);
    await dailyBackupIfDue(store.db, dataDir, Date.now());
    expect(filesContaining(dataDir, marker).length).toBeGreaterThanOrEqual(3);

    store.conversations.delete(gone.id);
    expect(filesContaining(dataDir, marker)).toEqual([]);
    store.close();
    expect(filesContaining(dataDir, marker)).toEqual([]);
    // The backups still hold what was kept, and are intact.
    for (const file of [...listBackupFiles(dataDir, 'daily'), ...listBackupFiles(dataDir, 'premigration')]) {
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT id FROM conversations').all()).toEqual([{ id: kept.id }]);
      db.close();
    }
  });

  it('a deleted message (and its replies)', async () => {
    const dataDir = tempHistoryDir();
    const marker = `SECRET-${crypto.randomUUID()}`;
    const store = HistoryStore.open(dataDir);
    const c = conversationWith(store, 'question', `answer ${marker}`);
    await dailyBackupIfDue(store.db, dataDir, Date.now());
    store.deleteMessage(store.messages.get(c.answerId)!);
    store.close();
    expect(filesContaining(dataDir, marker)).toEqual([]);
    const db = new Database(listBackupFiles(dataDir, 'daily')[0]!, { readonly: true });
    expect(db.prepare('SELECT content FROM messages').all()).toEqual([{ content: 'question' }]);
    db.close();
  });
});
