import type { Migration } from './types';

/**
 * Full-text search over message content with FTS5's trigram tokenizer: Chinese (no spaces between
 * words) matches by substring like any other language. The index holds only finished messages: a
 * streaming answer is rewritten every flush, and indexing each version would make every flush cost
 * a re-index of the whole text. Triggers keep it in sync. FTS5's `secure-delete` removes a deleted
 * message's entries from the index at once, instead of leaving them until a merge.
 */
export const search: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE messages_fts USING fts5(
        content, content = 'messages', content_rowid = 'id', tokenize = 'trigram'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
      WHEN new.status IS NOT 'streaming' BEGIN
        INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
      WHEN old.status IS NOT 'streaming' BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages
      WHEN old.status IS NOT 'streaming' OR new.status IS NOT 'streaming' BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content)
          SELECT 'delete', old.id, old.content WHERE old.status IS NOT 'streaming';
        INSERT INTO messages_fts(rowid, content)
          SELECT new.id, new.content WHERE new.status IS NOT 'streaming';
      END;
      INSERT INTO messages_fts(messages_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO messages_fts(rowid, content)
        SELECT id, content FROM messages WHERE status IS NOT 'streaming';
    `);
  },
};
