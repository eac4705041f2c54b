import type { Migration } from './types';

/**
 * Issue 14, item 5: the local answer cache ("cache common query responses"). A translation, or a
 * quick question asked with a fixed seed or temperature 0, asked again within 24 hours is answered
 * from here without a request. Each entry is keyed by a hash of the request (text, model, options)
 * and belongs to the answer it copies: deleting that answer, or its conversation, deletes the entry
 * by the cascade (and `secure_delete` wipes its text like the message's), so the cache is cleared
 * with the history and never brings back something the user deleted.
 */
export const answerCache: Migration = {
  version: 6,
  name: 'answer-cache',
  up(db) {
    db.exec(`
      CREATE TABLE answer_cache (
        key TEXT PRIMARY KEY CHECK (length(key) = 64),
        message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        content TEXT NOT NULL,
        reasoning TEXT,
        saved_at INTEGER NOT NULL
      );
      CREATE INDEX answer_cache_message ON answer_cache(message_id);
      CREATE INDEX answer_cache_saved ON answer_cache(saved_at);
    `);
  },
};
