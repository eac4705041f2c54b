/**
 * A damaged WAL while the app is closed: garbage written into history.sqlite3-wal (its header,
 * its middle, all of it) and a WAL cut short. The app opens without crashing, with the committed
 * data in the main file intact (SQLite ignores WAL frames whose checksums fail) or the damaged file
 * moved aside with a notice, as the README promises.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_FILE } from '../../electron/history/open-database';
import { HistoryStore } from '../../electron/history/history-store';
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

afterAll(removeDirs);

const damages: Record<string, (wal: Buffer) => Buffer> = {
  'garbage header': (w) => Buffer.concat([Buffer.alloc(32, 0xab), w.subarray(32)]),
  'garbage in the middle': (w) => {
    const out = Buffer.from(w);
    out.fill(0x5a, Math.floor(w.length / 2), Math.floor(w.length / 2) + 4096);
    return out;
  },
  'all garbage': (w) => Buffer.from(Array.from({ length: w.length }, (_, i) => (i * 7919) % 256)),
  'cut in half': (w) => w.subarray(0, Math.floor(w.length / 2)),
  'cut inside the header': (w) => w.subarray(0, 20),
};

describe('a corrupt WAL at start', () => {
  let withWal: string;
  let walBytes: number;
  beforeAll(async () => {
    const base = await makeDataDir(exportText(10, 5, 0));
    // Five more conversations committed, then SIGKILL: they live only in the WAL.
    withWal = copyDir(base);
    const importFile = path.join(tmp('wal-import'), 'export.json');
    dirs.push(path.dirname(importFile));
    fs.writeFileSync(importFile, exportText(5, 5, 100));
    const ended = await runChild({
      OP: 'import',
      DATA_DIR: withWal,
      IMPORT_FILE: importFile,
      KILL_AT: '1e9',
      DIE_AFTER: '1',
    });
    expect(ended).toBe('killed');
    walBytes = fs.statSync(path.join(withWal, `${HISTORY_FILE}-wal`)).size;
    expect(walBytes).toBeGreaterThan(4096);
  });

  it('an intact WAL (control): all 15 conversations are there', () => {
    expect(restartAndCheck(copyDir(withWal))).toMatchObject({ conversations: 15, messages: 150 });
  });

  for (const [name, damage] of Object.entries(damages)) {
    it(`${name}: opens, the main file's conversations intact, nothing half`, () => {
      const dir = copyDir(withWal);
      const wal = path.join(dir, `${HISTORY_FILE}-wal`);
      fs.writeFileSync(wal, damage(fs.readFileSync(wal)));
      const store = HistoryStore.open(dir);
      const notices = store.notices;
      store.close();
      if (notices.some((n) => n.kind === 'recovered')) {
        // Moved aside, never deleted.
        expect(fs.existsSync(notices[0]!.path!)).toBe(true);
        console.log(`corrupt WAL (${name}): moved aside with a notice`);
        return;
      }
      const counts = restartAndCheck(dir);
      // The import was one transaction: all of it survived the damage, or none of it.
      expect([10, 15]).toContain(counts.conversations);
      expect(counts.messages).toBe(counts.conversations * 10);
      console.log(`corrupt WAL (${name}, ${walBytes} B): opened, ${counts.conversations} conversations kept`);
    });
  }
});
