/** Shared by the fault tests: data folders made through the app's import, a child to kill, and the checks after a restart. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { HistoryStore } from '../../../electron/history/history-store';
import { buildHistoryCore, call } from '../../support/history';
import { buildExport } from '../../support/history-export';

const require = createRequire(import.meta.url);
export const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `qwen-desk-kill-${name}-`));
export const dirs: string[] = [];

export function exportText(count: number, pairs: number, from: number): string {
  const specs = Array.from({ length: count }, (_, i) => ({
    title: `conversation ${from + i}`,
    updatedAt: Date.UTC(2025, 0, 1) + (from + i) * 60_000,
    pairs: Array.from({ length: pairs }, (_, j): [string, string] => [
      `question ${from + i}.${j} 问题`,
      `answer ${from + i}.${j} ${'回答的文字 '.repeat(20)}`,
    ]),
  }));
  return JSON.stringify(buildExport(specs));
}

/** A data folder with these conversations, closed (no WAL). */
export async function makeDataDir(text: string): Promise<string> {
  const dir = tmp('base');
  dirs.push(dir);
  const core = buildHistoryCore({ apiKey: null, baseURL: 'http://127.0.0.1:9/', dataDir: dir });
  await call(core, 'history.import', { text });
  await core.dispose();
  return dir;
}

export function copyDir(base: string): string {
  const dir = tmp('run');
  dirs.push(dir);
  fs.cpSync(base, dir, { recursive: true });
  return dir;
}

export interface Counts {
  conversations: number;
  messages: number;
  indexed: number;
  version: number;
}

/** Opens the folder as the app does (so a migration left undone runs now), then checks it raw. */
export function restartAndCheck(dir: string): Counts {
  HistoryStore.open(dir).close();
  const db = new Database(path.join(dir, HISTORY_FILE));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // FTS5's own check of the index against the messages table (throws when they differ).
    db.prepare(`INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)`).run();
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(
      n(
        'SELECT count(*) AS n FROM messages m LEFT JOIN conversations c ON c.id = m.conversation_id WHERE c.id IS NULL',
      ),
    ).toBe(0);
    return {
      conversations: n('SELECT count(*) AS n FROM conversations'),
      messages: n('SELECT count(*) AS n FROM messages'),
      indexed: n('SELECT count(*) AS n FROM messages_fts_docsize'),
      version: db.pragma('user_version', { simple: true }) as number,
    };
  } finally {
    db.close();
  }
}

/** Runs the child until it is killed (or finishes); `killAfterMs` is the parent's signal after READY. */
export async function runChild(
  env: Record<string, string>,
  killAfterMs?: number,
): Promise<'killed' | 'finished'> {
  const child = spawn(
    process.execPath,
    ['--import', require.resolve('tsx'), path.join(import.meta.dirname, 'kill-child.ts')],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (killAfterMs !== undefined && out.includes('READY\n')) {
      killAfterMs = undefined;
      setTimeout(() => child.kill('SIGKILL'), Math.max(0, killAfterMs ?? 0));
    }
  });
  const signal = await new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, s) => r(s)));
  if (signal === 'SIGKILL') return 'killed';
  if (!out.includes('DONE')) throw new Error(`the child failed: ${err}${out}`);
  return 'finished';
}

/** Removes every folder the helpers made. */
export function removeDirs(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
