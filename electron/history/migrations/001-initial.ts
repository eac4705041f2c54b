import type { Migration } from './types';

/**
 * Conversations, messages as a tree, attachments and settings.
 *
 * Messages keep `depth` (the root's is 0) so the newest page of a long path is found by walking up
 * only as many parents as the page holds. `parent_id` deliberately has no ON DELETE CASCADE: a
 * cascade through a deep chain would nest one trigger level per message and hit SQLite's trigger
 * depth limit; subtrees are deleted explicitly instead.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        title TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        model TEXT,
        params TEXT,
        system_prompt TEXT,
        current_leaf_id INTEGER REFERENCES messages(id) ON DELETE SET NULL
      );
      CREATE INDEX conversations_order ON conversations(pinned DESC, updated_at DESC, id DESC);

      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
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
      CREATE INDEX messages_children ON messages(parent_id, id);
      CREATE INDEX messages_conversation ON messages(conversation_id, id);
      CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        mime_type TEXT NOT NULL,
        byte_size INTEGER NOT NULL CHECK (byte_size >= 0),
        width INTEGER,
        height INTEGER,
        sha256 TEXT NOT NULL,
        -- Small images live in the row; large ones in a file under the data directory.
        data BLOB,
        file_name TEXT,
        created_at INTEGER NOT NULL,
        CHECK (data IS NOT NULL OR file_name IS NOT NULL)
      );
      CREATE INDEX attachments_message ON attachments(message_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
