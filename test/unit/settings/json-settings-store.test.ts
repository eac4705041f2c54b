import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonSettingsStore, SETTINGS_FILE } from '../../../electron/settings/json-settings-store';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-settings-'));

describe('JSON settings store', () => {
  it('keeps values across a restart', () => {
    const dir = tempDir();
    const first = createJsonSettingsStore(dir);
    first.set('region', 'beijing');
    first.set('retryCount', 4);
    first.delete('retryCount');
    const second = createJsonSettingsStore(dir);
    expect(second.all()).toEqual({ region: 'beijing' });
    // Written by rename: no temporary file is left behind.
    expect(fs.readdirSync(dir)).toEqual([SETTINGS_FILE]);
  });

  it('sets a damaged file aside and starts from nothing, saying so', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE), '{"region": "beij');
    const problems: string[] = [];
    const store = createJsonSettingsStore(dir, { onProblem: (m) => problems.push(m) });
    expect(store.all()).toEqual({});
    expect(problems[0]).toMatch(/damaged/);
    expect(fs.readdirSync(dir).some((f) => f.startsWith(`${SETTINGS_FILE}.corrupt-`))).toBe(true);
    store.set('theme', 'dark');
    expect(createJsonSettingsStore(dir).get('theme')).toBe('dark');
  });

  it('a crash mid-write leaves the previous settings readable', () => {
    const dir = tempDir();
    createJsonSettingsStore(dir).set('region', 'hongkong');
    // What a write interrupted before its rename leaves: a partial temporary file.
    fs.writeFileSync(path.join(dir, `${SETTINGS_FILE}.999.tmp`), '{"region": "sing');
    expect(createJsonSettingsStore(dir).get('region')).toBe('hongkong');
  });
});
