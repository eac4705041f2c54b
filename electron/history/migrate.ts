import type Database from 'better-sqlite3';
import type { Migration } from './migrations/types';
import { englishText, sentence, type Sentence } from '../shared/main-text';

/** The file was written by a newer Qwen Desk: it is refused and left exactly as it is. */
export class HistoryTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly knownVersion: number,
    readonly file: string,
  ) {
    super(englishText('history.tooNew', { file, fileVersion, knownVersion }));
    this.name = 'HistoryTooNewError';
  }

  /** The notice the UI shows, in its own language. */
  get sentence(): Sentence {
    const { file, fileVersion, knownVersion } = this;
    return sentence('history.tooNew', { file, fileVersion, knownVersion });
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date, one migration per transaction, so a failure leaves the file at the
 * last complete version. `beforeMigrating` runs once, before the first step, when there is
 * something to protect (the pre-migration backup).
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  file: string,
  beforeMigrating: (fromVersion: number) => void = () => undefined,
): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) throw new HistoryTooNewError(from, latest, file);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length > 0) beforeMigrating(from);
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  for (const m of pending) {
    // Only outside a transaction can foreign keys be switched off.
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.foreignKeysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0)
          throw new Error(`migration ${m.version} (${m.name}) broke a foreign key`);
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.foreignKeysOff) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
  return { from, to: schemaVersion(db) };
}
