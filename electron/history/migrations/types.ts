import type Database from 'better-sqlite3';

/** One schema step. `up` runs inside a transaction that also sets `PRAGMA user_version`. */
export interface Migration {
  version: number;
  name: string;
  /**
   * Runs with `foreign_keys` off (a table rebuild: DROP TABLE would cascade), then checked with
   * `foreign_key_check` before its transaction commits.
   */
  foreignKeysOff?: boolean;
  up(db: Database.Database): void;
}
