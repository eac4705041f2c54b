/**
 * SIGKILL inside an import, a delete and a migration (support/kill-child.ts): after the restart
 * each is complete or not there at all — counts consistent, the search index matching the
 * messages, `PRAGMA integrity_check` ok. Several kills per operation at random points.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_FILE } from '../../electron/history/open-database';
import { HistoryStore } from '../../electron/history/history-store';
import { LATEST_VERSION } from '../../electron/history/migrations';
import {
  copyDir,
  dirs,
  exportText,
  makeDataDir,
  removeDirs,
  restartAndCheck,
  runChild,
  tmp,
} from './support/harness';

const KILLS = 4;

afterAll(removeDirs);

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
    // The children run side by side (each in its own folder): the kills are the children's own.
    await Promise.all(
      Array.from({ length: KILLS }, async () => {
        const dir = copyDir(base);
        const killAt = 1 + Math.floor(Math.random() * (toImport - 1));
        points.push(killAt);
        expect(
          await runChild({ OP: 'import', DATA_DIR: dir, IMPORT_FILE: importFile, KILL_AT: String(killAt) }),
        ).toBe('killed');
        const counts = restartAndCheck(dir);
        // Not at all: the 10 conversations (100 messages) from before, nothing of the import.
        expect(counts).toEqual({ conversations: 10, messages: 100, indexed: 100, version: LATEST_VERSION });
      }),
    );
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
    // The children run side by side (each in its own folder): the kills are the children's own.
    await Promise.all(
      Array.from({ length: KILLS }, async () => {
        const dir = copyDir(big);
        const killAt = 1 + Math.floor(Math.random() * 299);
        points.push(killAt);
        expect(
          await runChild({
            OP: 'delete',
            DATA_DIR: dir,
            CONVERSATION_ID: String(id),
            KILL_AT: String(killAt),
          }),
        ).toBe('killed');
        expect(restartAndCheck(dir)).toEqual({
          conversations: 3,
          messages: 900,
          indexed: 900,
          version: LATEST_VERSION,
        });
      }),
    );
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
       DROP TABLE messages_fts;
       -- Migration 004 (issue 10) undone: version 1's attachments table, no blobs.
       DROP TRIGGER attachment_blobs_release; DROP TABLE attachments; DROP TABLE attachment_blobs;
       CREATE TABLE attachments (id INTEGER PRIMARY KEY, message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
         mime_type TEXT NOT NULL, byte_size INTEGER NOT NULL CHECK (byte_size >= 0), width INTEGER, height INTEGER,
         sha256 TEXT NOT NULL, data BLOB, file_name TEXT, created_at INTEGER NOT NULL,
         CHECK (data IS NOT NULL OR file_name IS NOT NULL));
       CREATE INDEX attachments_message ON attachments(message_id);
       -- Migration 005 (issue 11) undone: no origin column.
       ALTER TABLE conversations DROP COLUMN origin;
       -- Migrations 006 and 007 (issue 14) undone: no answer cache, no image jobs.
       DROP TABLE image_jobs;
       DROP TABLE answer_cache;
       PRAGMA user_version = 1;`,
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
