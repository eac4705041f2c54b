import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/history/history-store';
import { dailyBackupIfDue } from '../../../electron/history/backups';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { createFileLogger } from '../../../electron/logging/logger';
import { createJsonSettingsStore } from '../../../electron/settings/json-settings-store';
import { tempHistoryDir } from '../../support/history';

/** Every file and folder under `dir`, with its permission bits. */
function modes(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [
    [path.basename(dir) + '/', (fs.statSync(dir).mode & 0o777).toString(8)],
  ];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...modes(full).map(([n, m]): [string, string] => [`${e.name}/${n}`, m]));
    else out.push([e.name, (fs.statSync(full).mode & 0o777).toString(8)]);
  }
  return out;
}

/** As an earlier version (umask 022) left them: folders 0755, files 0644. */
function worldReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) worldReadable(full);
    else fs.chmodSync(full, 0o644);
  }
}

describe.skipIf(process.platform === 'win32')('the data directory is private (issue 9, bug 9)', () => {
  it('creates folders 0700 and files 0600: database, WAL/SHM, backups, logs, settings', async () => {
    const dataDir = path.join(tempHistoryDir(), 'data');
    const store = HistoryStore.open(dataDir);
    store.conversations.create({ title: 'secret', now: 1 }); // the WAL and SHM now exist
    expect(fs.existsSync(path.join(dataDir, `${HISTORY_FILE}-wal`))).toBe(true);
    await dailyBackupIfDue(store.db, dataDir, Date.now());
    createFileLogger({ dataDir }).info('hello');
    createJsonSettingsStore(dataDir).set('theme', 'dark');
    const all = modes(dataDir);
    store.close();
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const [name, mode] of all) expect([name, mode]).toEqual([name, name.endsWith('/') ? '700' : '600']);
  });

  it('fixes a folder an earlier version left world-readable, when it is opened', () => {
    const dataDir = tempHistoryDir();
    HistoryStore.open(dataDir).close();
    fs.mkdirSync(path.join(dataDir, 'backups'));
    fs.writeFileSync(path.join(dataDir, 'backups', 'history-daily-old.sqlite3'), 'old');
    fs.mkdirSync(path.join(dataDir, 'logs'));
    fs.writeFileSync(path.join(dataDir, 'logs', 'qwen-desk.log'), 'old log');
    fs.writeFileSync(path.join(dataDir, `${HISTORY_FILE}.damaged-2025`), 'damaged');
    worldReadable(dataDir);
    expect(modes(dataDir).some(([, m]) => m === '644')).toBe(true);
    const store = HistoryStore.open(dataDir);
    const all = modes(dataDir);
    store.close();
    for (const [name, mode] of all) expect([name, mode]).toEqual([name, name.endsWith('/') ? '700' : '600']);
  });
});
