/**
 * Issue 12: About's third-party notices cover everything the app ships, with each package's own
 * licence, and the updater's states read as sentences in English and Simplified Chinese.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../../electron/contract';
import { translate, type Locale, type MessageKey } from '../../../../renderer/src/i18n';
import {
  APP_LICENSE,
  THIRD_PARTY_NOTICES,
} from '../../../../renderer/src/features/about/third-party-notices';
import { updateStateText } from '../../../../renderer/src/features/about/update-text';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  license: string;
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};

/** The npm packages the renderer imports (Vite bundles them into the app). */
function rendererImports(dir = 'renderer/src'): Set<string> {
  const found = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) rendererImports(full).forEach((p) => found.add(p));
    else if (/\.tsx?$/.test(entry.name)) {
      for (const m of fs.readFileSync(full, 'utf8').matchAll(/from '((?:@[^/']+\/)?[^./'][^/']*)/g))
        found.add(m[1]!);
    }
  }
  return found;
}

describe('third-party notices', () => {
  const listed = new Map(THIRD_PARTY_NOTICES.filter((n) => n.package).map((n) => [n.package!, n.license]));

  it('name every package the app ships: the main process’s dependencies, Electron, and the renderer’s libraries', () => {
    const shipped = [
      ...Object.keys(pkg.dependencies),
      ...Object.keys(pkg.optionalDependencies),
      'electron',
      ...rendererImports(),
    ];
    expect(shipped).toEqual(expect.arrayContaining(['react', 'zustand', 'openai']));
    expect(shipped.filter((name) => !listed.has(name))).toEqual([]);
  });

  it('give each package the licence its own package.json declares, and the app’s own', () => {
    for (const [name, license] of listed) {
      const own = JSON.parse(
        fs.readFileSync(path.join('node_modules', name, 'package.json'), 'utf8'),
      ).license;
      expect([name, license]).toEqual([name, own]);
    }
    expect(APP_LICENSE).toBe(pkg.license);
  });
});

describe('the updater’s state, in words', () => {
  const states: UpdateState[] = [
    { kind: 'idle' },
    { kind: 'checking' },
    { kind: 'up_to_date', checkedAt: 0 },
    { kind: 'downloading', version: '1.3.0', percent: 41.6 },
    { kind: 'ready', version: '1.3.0' },
    { kind: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' },
    ...(['development', 'browser', 'package_manager', 'portable', 'archive'] as const).map(
      (reason) => ({ kind: 'unsupported', reason }) as const,
    ),
  ];

  it.each(['en', 'zh-CN'] as const)('is a distinct sentence for every state in %s', (locale: Locale) => {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
    const texts = states.map((s) => updateStateText(t, s));
    expect(new Set(texts).size).toBe(states.length);
    for (const text of texts) expect(text).not.toMatch(/\{\w+\}|settings\./);
  });

  it('names the version, the progress and the error', () => {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
    expect(updateStateText(t, states[3]!)).toBe('Downloading version 1.3.0… 42%');
    expect(updateStateText(t, states[4]!)).toContain('Version 1.3.0 is ready.');
    expect(updateStateText(t, states[5]!)).toContain('net::ERR_INTERNET_DISCONNECTED');
    expect(updateStateText((k, p) => translate('zh-CN', k, p), states[3]!)).toBe('正在下载 1.3.0 版本… 42%');
  });
});
