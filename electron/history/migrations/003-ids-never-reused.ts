import type { Migration } from './types';

/**
 * Ids are never reused (issue 9, bug 7). With a plain `INTEGER PRIMARY KEY`, SQLite hands out
 * max(id) + 1, so deleting the newest conversation gave its id to the next one, and a tab still
 * showing the deleted conversation then regenerated into the new one. AUTOINCREMENT keeps the
 * highest id ever used in `sqlite_sequence`. Both tables are rebuilt as SQLite's ALTER TABLE
 * procedure says (create new, copy, drop old, rename), keeping every id, so the search index (keyed
 * by message id) stays valid; the triggers and indexes dropped with the old tables are recreated.
 * Runs with foreign keys off (a DROP would otherwise cascade), checked with foreign_key_check.
 * Attachments point at messages by id only and are not rebuilt: their ids name no one's history.
 */
export const idsNeverReused: Migration = {
  version: 3,
  name: 'ids-never-reused',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
      CREATE TABLE conversations_v3 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        model TEXT,
        params TEXT,
        system_prompt TEXT,
        current_leaf_id INTEGER REFERENCES messages(id) ON DELETE SET NULL
      );
      INSERT INTO conversations_v3 SELECT id, title, created_at, updated_at, pinned, model, params,
        system_prompt, current_leaf_id FROM conversations;

      CREATE TABLE messages_v3 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES messages(id),
        depth INTEGER NOT NULL CHECK (depth >= 0),
        role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
        content TEXT NOT NULL DEFAULT '',
        reasoning TEXT,
        model TEXT,
        params TEXT,
        status TEXT CHECK (status IN ('streaming', 'done', 'stopped', 'interrupted', 'error')),
        error TEXT,
        usage TEXT,
        finish_reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      INSERT INTO messages_v3 SELECT id, conversation_id, parent_id, depth, role, content, reasoning,
        model, params, status, error, usage, finish_reason, created_at, updated_at FROM messages;

      DROP TABLE conversations;
      DROP TABLE messages;
      ALTER TABLE conversations_v3 RENAME TO conversations;
      ALTER TABLE messages_v3 RENAME TO messages;

      CREATE INDEX conversations_order ON conversations(pinned DESC, updated_at DESC, id DESC);
      CREATE INDEX messages_children ON messages(parent_id, id);
      CREATE INDEX messages_conversation ON messages(conversation_id, id);
      CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

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
    `);
  },
};
