/**
 * Non-secret settings (region, base URL, default model and parameters, language, theme, proxy,
 * timeouts, retries, hotkey), kept as JSON values by key. The API key is never stored here.
 *
 * The history database provides the persistent implementation (its `settings` table); this
 * interface is what the rest of the core depends on.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  all(): Record<string, unknown>;
  /** Keys whose stored value could not be read (a damaged row): the next save rewrites them. */
  damagedKeys?(): string[];
}

/** For tests and for a run where no database could be opened. */
export function createMemorySettingsStore(initial: Record<string, unknown> = {}): SettingsStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
    all: () => Object.fromEntries(values),
  };
}
