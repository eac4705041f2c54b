import type Database from 'better-sqlite3';

/** How long a cached answer answers again (issue 14: "within 24 hours"). */
export const ANSWER_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

export interface CachedAnswer {
  messageId: number;
  content: string;
  reasoning: string | null;
  savedAt: number;
}

interface Row {
  message_id: number;
  content: string;
  reasoning: string | null;
  saved_at: number;
}

/** The answer cache (migration 006): one answer per request hash, for 24 hours. */
export class AnswerCacheTable {
  constructor(private readonly db: Database.Database) {}

  /** The answer saved under `key` less than 24 hours before `now`, if any. */
  get(key: string, now: number): CachedAnswer | null {
    const row = this.db
      .prepare(
        'SELECT message_id, content, reasoning, saved_at FROM answer_cache WHERE key = ? AND saved_at > ?',
      )
      .get(key, now - ANSWER_CACHE_TTL_MS) as Row | undefined;
    return row
      ? { messageId: row.message_id, content: row.content, reasoning: row.reasoning, savedAt: row.saved_at }
      : null;
  }

  /** Saves (or replaces: "Ask again") the answer for `key`, and drops the entries past 24 hours. */
  put(key: string, answer: Omit<CachedAnswer, 'savedAt'>, now: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM answer_cache WHERE saved_at <= ?').run(now - ANSWER_CACHE_TTL_MS);
      this.db
        .prepare(
          `INSERT INTO answer_cache (key, message_id, content, reasoning, saved_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET message_id = excluded.message_id, content = excluded.content,
             reasoning = excluded.reasoning, saved_at = excluded.saved_at`,
        )
        .run(key, answer.messageId, answer.content, answer.reasoning, now);
    })();
  }

  /** Everything (the history cleared); returns how many entries went. */
  clear(): number {
    return this.db.prepare('DELETE FROM answer_cache').run().changes;
  }

  get size(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM answer_cache').get() as { n: number }).n;
  }
}
