import fs from 'node:fs';
import Database from 'better-sqlite3';
import { listBackupFiles } from './backups';

/**
 * A delete wipes the text from the backups too (issue 9, bug 8): the README promises that deleting
 * a conversation wipes its text, and backups/ held it for five days (and pre-migration copies for
 * longer). Why this scheme rather than dropping or re-taking the backups: a backup is there to
 * restore *what the user kept*, so it should stay, minus what they deleted. Each backup is opened
 * and the same rows are deleted there with `secure_delete` (freed content overwritten with zeros,
 * the search index's own secure-delete dropping its entries), in rollback-journal mode so no WAL is
 * left beside it. Matching by id is exact now that ids are never reused (migration 003); in a copy
 * from before that, an id can only have been reused after its first owner was deleted, so what the
 * id names there was deleted by the user too. A backup that cannot be opened or changed is removed:
 * keeping an old copy of text the user deleted would break the promise, and the live file is intact.
 */
export function wipeFromBackups(
  dataDir: string,
  target: { conversationIds?: number[]; messageIds?: number[] },
): void {
  const conversationIds = target.conversationIds ?? [];
  const messageIds = target.messageIds ?? [];
  if (conversationIds.length + messageIds.length === 0) return;
  for (const file of [...listBackupFiles(dataDir, 'daily'), ...listBackupFiles(dataDir, 'premigration')]) {
    try {
      wipeOne(file, conversationIds, messageIds);
    } catch {
      fs.rmSync(file, { force: true });
      for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    }
  }
}

function wipeOne(file: string, conversationIds: number[], messageIds: number[]): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      const subtree = db.prepare<[number], { id: number }>(
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT m.id FROM messages m JOIN sub ON m.parent_id = sub.id)
         SELECT id FROM sub`,
      );
      const deleteMessage = db.prepare('DELETE FROM messages WHERE id = ?');
      for (const id of messageIds) {
        // Replies before what they answer, so the parent_id foreign key holds after each statement.
        for (const { id: m } of subtree.all(id).reverse()) deleteMessage.run(m);
      }
      for (const id of conversationIds) {
        db.prepare('UPDATE conversations SET current_leaf_id = NULL WHERE id = ?').run(id);
        db.prepare('DELETE FROM messages WHERE conversation_id = ?').run(id);
        db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
      }
    })();
  } finally {
    db.close();
  }
}
