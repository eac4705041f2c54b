import type { Migration } from './types';

/**
 * Attachments as issue 10 stores them. The bytes live once per SHA-256 in `attachment_blobs`, in
 * the database rather than in files beside it, because then: a question and its images are written
 * in one transaction (a crash leaves no orphan file and no row without its bytes); deleting wipes
 * them exactly like message text (`secure_delete` zeroes the freed pages, and the backups get the
 * same delete); backups and moves carry them; and no file path is ever built from anything a
 * renderer sent. Fitted images are small (≈0.2–2 MB), far from where SQLite blobs get slow.
 *
 * The version-1 `attachments` table was never written by any release (nothing sent images), so it
 * is dropped and recreated as a list of references: message, position, the user's file name, kind.
 * A trigger deletes a blob with its last reference, so every way a message goes (a conversation
 * deleted, a message deleted, the cascade, the same delete replayed in a backup) frees its bytes.
 */
export const attachments: Migration = {
  version: 4,
  name: 'attachments',
  up(db) {
    db.exec(`
      DROP TABLE attachments;
      CREATE TABLE attachment_blobs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        mime_type TEXT NOT NULL,
        byte_size INTEGER NOT NULL CHECK (byte_size >= 0),
        width INTEGER,
        height INTEGER,
        data BLOB NOT NULL
      );
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('image', 'text')),
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES attachment_blobs(sha256),
        created_at INTEGER NOT NULL
      );
      CREATE INDEX attachments_message ON attachments(message_id, position);
      CREATE INDEX attachments_sha ON attachments(sha256);
      CREATE TRIGGER attachment_blobs_release AFTER DELETE ON attachments
        WHEN NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = OLD.sha256)
      BEGIN
        DELETE FROM attachment_blobs WHERE sha256 = OLD.sha256;
      END;
    `);
  },
};
