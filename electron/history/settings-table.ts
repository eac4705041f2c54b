import type Database from 'better-sqlite3';
import type { SettingsStore } from '../settings/settings-store';

/** The persistent SettingsStore: JSON values by key in the history database's `settings` table. */
export function createSqliteSettingsStore(db: Database.Database): SettingsStore {
  const getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const setStmt = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const deleteStmt = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  const allStmt = db.prepare<[], { key: string; value: string }>(
    'SELECT key, value FROM settings ORDER BY key',
  );
  return {
    get(key) {
      const row = getStmt.get(key);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    set(key, value) {
      // undefined has no JSON form: storing it means "no value".
      if (value === undefined) deleteStmt.run(key);
      else setStmt.run(key, JSON.stringify(value));
    },
    delete: (key) => void deleteStmt.run(key),
    all: () => Object.fromEntries(allStmt.all().map((r) => [r.key, JSON.parse(r.value) as unknown])),
  };
}
