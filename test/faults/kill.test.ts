/**
 * SIGKILL inside an import, a delete and a migration (support/kill-child.ts): after the restart
 * each is complete or not there at all — counts consistent, the search index matching the
 * messages, `PRAGMA integrity_check` ok. Several kills per operation at random points.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_FILE } from '../../electron/history/open-database';
import { HistoryStore } from '../../electron/history/history-store';
import { LATEST_VERSION } from '../../electron/history/migrations';
import { buildHistoryCore, call } from '../support/history';
import { buildExport } from '../support/history-export';

const require = createRequire(import.meta.url);
const KILLS = 4;
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `qwen-desk-kill-${name}-`));
const dirs: string[] = [];

function exportText(count: number, pairs: number, from: number): string {
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
async function makeDataDir(text: string): Promise<string> {
  const dir = tmp('base');
  dirs.push(dir);
  const core = buildHistoryCore({ apiKey: null, baseURL: 'http://127.0.0.1:9/', dataDir: dir });
  await call(core, 'history.import', { text });
  await core.dispose();
  return dir;
}

function copyDir(base: string): string {
  const dir = tmp('run');
  dirs.push(dir);
  fs.cpSync(base, dir, { recursive: true });
  return dir;
}

interface Counts {
  conversations: number;
  messages: number;
  indexed: number;
  version: number;
}

/** Opens the folder as the app does (so a migration left undone runs now), then checks it raw. */
function restartAndCheck(dir: string): Counts {
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
async function runChild(env: Record<string, string>, killAfterMs?: number): Promise<'killed' | 'finished'> {
  const child = spawn(
    process.execPath,
    ['--import', require.resolve('tsx'), path.join(import.meta.dirname, 'support/kill-child.ts')],
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

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('SIGKILL during an operation: complete or not at all after the restart', () => {
  let base: string;
  beforeAll(async () => {
    base = await makeDataDir(exportText(10, 5, 0) + '');
  });

  it(`import (${KILLS} kills at random rows inside the transaction)`, async () => {
    const started = performance.now();
    const importFile = path.join(tmp('import'), 'export.json');
    dirs.push(path.dirname(importFile));
    const toImport = 40 * 10 * 2;
    fs.writeFileSync(importFile, exportText(40, 10, 100));
    const points: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      const dir = copyDir(base);
      const killAt = 1 + Math.floor(Math.random() * (toImport - 1));
      points.push(killAt);
      expect(
        await runChild({ OP: 'import', DATA_DIR: dir, IMPORT_FILE: importFile, KILL_AT: String(killAt) }),
      ).toBe('killed');
      const counts = restartAndCheck(dir);
      // Not at all: the 10 conversations (100 messages) from before, nothing of the import.
      expect(counts).toEqual({ conversations: 10, messages: 100, indexed: 100, version: LATEST_VERSION });
    }
    // Control: left alone, the same import is complete.
    const dir = copyDir(base);
    expect(await runChild({ OP: 'import', DATA_DIR: dir, IMPORT_FILE: importFile, KILL_AT: '1e9' })).toBe(
      'finished',
    );
    expect(restartAndCheck(dir)).toMatchObject({
      conversations: 50,
      messages: 100 + toImport,
      indexed: 100 + toImport,
    });
    console.log(
      `kill during import: ${KILLS} kills at rows ${points.join(', ')} of ${toImport}; ${(performance.now() - started).toFixed(0)} ms`,
    );
  });

  it(`delete (${KILLS} kills at random rows inside the transaction)`, async () => {
    const started = performance.now();
    const big = await makeDataDir(exportText(3, 150, 0));
    const id = 2; // the middle one: 300 messages
    const points: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      const dir = copyDir(big);
      const killAt = 1 + Math.floor(Math.random() * 299);
      points.push(killAt);
      expect(
        await runChild({ OP: 'delete', DATA_DIR: dir, CONVERSATION_ID: String(id), KILL_AT: String(killAt) }),
      ).toBe('killed');
      expect(restartAndCheck(dir)).toEqual({
        conversations: 3,
        messages: 900,
        indexed: 900,
        version: LATEST_VERSION,
      });
    }
    const dir = copyDir(big);
    expect(await runChild({ OP: 'delete', DATA_DIR: dir, CONVERSATION_ID: String(id), KILL_AT: '1e9' })).toBe(
      'finished',
    );
    expect(restartAndCheck(dir)).toMatchObject({ conversations: 2, messages: 600, indexed: 600 });
    console.log(
      `kill during delete: ${KILLS} kills at rows ${points.join(', ')} of 300; ${(performance.now() - started).toFixed(0)} ms`,
    );
  });

  it(`migration from v1 (${KILLS} kills at random times while it runs)`, async () => {
    const started = performance.now();
    // A v1 file: the v2 one without its search index, as the app before search left it.
    const v1 = await makeDataDir(exportText(30, 50, 0));
    const raw = new Database(path.join(v1, HISTORY_FILE));
    raw.exec(
      `DROP TRIGGER messages_fts_insert; DROP TRIGGER messages_fts_delete; DROP TRIGGER messages_fts_update;
       DROP TABLE messages_fts; PRAGMA user_version = 1;`,
    );
    raw.close();
    // How long opening (backup + migration) takes here, to kill inside it.
    const timing = copyDir(v1);
    const t0 = performance.now();
    HistoryStore.open(timing).close();
    const openMs = performance.now() - t0;
    const delays: number[] = [];
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const dir = copyDir(v1);
      const delay = Math.random() * openMs;
      delays.push(Math.round(delay));
      if ((await runChild({ OP: 'migrate', DATA_DIR: dir }, delay)) === 'killed') killed++;
      expect(restartAndCheck(dir)).toEqual({
        conversations: 30,
        messages: 3000,
        indexed: 3000,
        version: LATEST_VERSION,
      });
      // Every backup left is a whole database (a kill during the copy must not leave half a file).
      for (const f of fs.readdirSync(path.join(dir, 'backups'))) {
        const b = new Database(path.join(dir, 'backups', f), { readonly: true });
        expect(b.pragma('integrity_check', { simple: true }), f).toBe('ok');
        b.close();
      }
    }
    expect(killed).toBeGreaterThan(0);
    console.log(
      `kill during migration: ${killed}/${KILLS} killed mid-open (open takes ${openMs.toFixed(0)} ms; delays ${delays.join(', ')} ms); ${(performance.now() - started).toFixed(0)} ms`,
    );
  });
});
