/**
 * A SettingsStore kept in one JSON file in the data directory, for non-secret values only. Writes go
 * to a temporary file that is then renamed over the old one, so a crash mid-write leaves either the
 * old settings or the new ones, never half a file. A file that cannot be read is set aside (renamed
 * `settings.json.corrupt-<time>`) and the app starts from the defaults rather than refusing to open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, makeFilePrivate } from '../core/private-files';
import type { SettingsStore } from './settings-store';

export const SETTINGS_FILE = 'settings.json';

export interface JsonSettingsStoreOptions {
  onProblem?: (message: string) => void;
}

export function createJsonSettingsStore(
  dataDir: string,
  options: JsonSettingsStoreOptions = {},
): SettingsStore {
  const file = path.join(dataDir, SETTINGS_FILE);
  const values = new Map(Object.entries(load(file, options.onProblem)));

  const save = () => {
    ensurePrivateDir(dataDir);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(Object.fromEntries(values), null, 2)}\n`, { mode: 0o600 });
    makeFilePrivate(temp);
    fs.renameSync(temp, file);
  };

  return {
    get: (key) => values.get(key),
    set(key, value) {
      values.set(key, value);
      save();
    },
    delete(key) {
      if (values.delete(key)) save();
    },
    all: () => Object.fromEntries(values),
  };
}

function load(file: string, onProblem?: (message: string) => void): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      onProblem?.(`Settings could not be read: ${String(err)}`);
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // handled below
  }
  const aside = `${file}.corrupt-${Date.now()}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    // Nothing more to do: the next save replaces it.
  }
  onProblem?.(`Settings file was damaged; set aside as ${path.basename(aside)} and defaults used.`);
  return {};
}
