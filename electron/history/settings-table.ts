import type Database from 'better-sqlite3';
import type { SettingsStore } from '../settings/settings-store';

/**
 * The persistent SettingsStore: JSON values by key in the history database's `settings` table.
 * A damaged row (not JSON: a disk error, a hand edit) once made `JSON.parse` throw in every request
 * that read settings (issue 9, bug 13): it now reads as absent (the service uses the default), is
 * reported once, and is replaced by the next save of that setting.
 */
export function createSqliteSettingsStore(
  db: Database.Database,
  onProblem: (message: string) => void = (m) => console.warn(`Qwen Desk: ${m}`),
): SettingsStore {
  const getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const setStmt = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const deleteStmt = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  const allStmt = db.prepare<[], { key: string; value: string }>(
    'SELECT key, value FROM settings ORDER BY key',
  );
  const reported = new Set<string>();
  const read = (key: string, value: unknown): unknown => {
    try {
      return JSON.parse(String(value)) as unknown;
    } catch {
      if (!reported.has(key)) {
        reported.add(key);
        onProblem(`The saved setting "${key}" is damaged; its default is used until it is saved again.`);
      }
      return undefined;
    }
  };
  return {
    get(key) {
      const row = getStmt.get(key);
      return row ? read(key, row.value) : undefined;
    },
    set(key, value) {
      // undefined has no JSON form: storing it means "no value".
      if (value === undefined) deleteStmt.run(key);
      else setStmt.run(key, JSON.stringify(value));
      reported.delete(key);
    },
    delete: (key) => void deleteStmt.run(key),
    damagedKeys: () => [...reported],
    all: () =>
      Object.fromEntries(
        allStmt
          .all()
          .map((r) => [r.key, read(r.key, r.value)] as const)
          .filter(([, v]) => v !== undefined),
      ),
  };
}
