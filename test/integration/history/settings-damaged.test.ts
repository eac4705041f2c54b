import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/history/history-store';
import { createSqliteSettingsStore } from '../../../electron/history/settings-table';
import { createSettingsService, defaultSettings } from '../../../electron/settings/settings-service';
import { tempHistoryDir } from '../../support/history';

/** Bug 13, second half (issue 9): one damaged settings row made every request that read settings fail. */
describe('a damaged settings row in the history database', () => {
  it('is ignored (its default used), reported once, and replaced by the next save', () => {
    const store = HistoryStore.open(tempHistoryDir());
    const raw = store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    raw.run('theme', '{not json'); // bad JSON
    raw.run('retryCount', '"many"'); // wrong type
    raw.run('requestTimeoutSeconds', '1e9'); // out of range
    raw.run('region', '"beijing"'); // fine
    const problems: string[] = [];
    const settingsStore = createSqliteSettingsStore(store.db, (m) => problems.push(m));
    const service = createSettingsService(settingsStore, {
      baseURLOverride: null,
      onProblem: (m) => problems.push(m),
    });

    const read = () => service.get();
    expect(read).not.toThrow();
    expect(read()).toEqual({ ...defaultSettings, region: 'beijing' });
    expect(() => settingsStore.all()).not.toThrow();
    expect(settingsStore.all()).not.toHaveProperty('theme');
    expect(service.baseURL()).toBe('https://dashscope.aliyuncs.com/compatible-mode/v1');
    // Once each, however often read.
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/"theme".*damaged/);

    service.update({ language: 'en' });
    const rows = Object.fromEntries(
      store.db
        .prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
        .all()
        .map((r) => [r.key, JSON.parse(r.value) as unknown]),
    );
    expect(rows).toMatchObject({
      theme: defaultSettings.theme,
      retryCount: defaultSettings.retryCount,
      requestTimeoutSeconds: defaultSettings.requestTimeoutSeconds,
      region: 'beijing',
      language: 'en',
    });
    store.close();
  });
});
