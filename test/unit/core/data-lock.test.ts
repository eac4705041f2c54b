import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderInUseError, LOCK_FILE, acquireDataLock } from '../../../electron/core/data-lock';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-lock-'));
const lockOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as unknown;

/** The pid of a process that has exited (its lock would be stale). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('acquireDataLock', () => {
  it('writes pid, start time and program, refuses a second holder and removes the file on release', () => {
    const dir = tempDir();
    const lock = acquireDataLock(dir, 'browser mode');
    expect(lockOf(dir)).toEqual({ pid: process.pid, startedAt: expect.any(String), program: 'browser mode' });
    if (process.platform !== 'win32') expect(fs.statSync(lock.file).mode & 0o777).toBe(0o600);
    expect(() => acquireDataLock(dir, 'app')).toThrow(DataFolderInUseError);
    expect(() => acquireDataLock(dir, 'app')).toThrow(
      `The data folder ${path.resolve(dir)} is in use by Qwen Desk (browser mode, process ${process.pid}). ` +
        'Quit it first, or set QWEN_DESK_DATA_DIR to another folder.',
    );
    lock.release();
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    acquireDataLock(dir, 'app').release();
  });

  it('refuses a lock held by another live process', () => {
    const dir = tempDir();
    const holder = { pid: process.ppid, startedAt: new Date().toISOString(), program: 'app' };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(holder));
    expect(() => acquireDataLock(dir, 'browser mode')).toThrow(`(app, process ${process.ppid})`);
    expect(lockOf(dir)).toEqual(holder); // left alone
  });

  it('takes over a stale lock (dead process), a damaged one, and one with its own pid from before', () => {
    for (const stale of [
      JSON.stringify({ pid: deadPid(), startedAt: '2026-01-01T00:00:00.000Z', program: 'app' }),
      '{"pid": 12',
      JSON.stringify({ pid: process.pid, startedAt: '2020-01-01T00:00:00.000Z', program: 'app' }),
    ]) {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, LOCK_FILE), stale);
      const lock = acquireDataLock(dir, 'app');
      expect(lockOf(dir)).toMatchObject({ pid: process.pid, program: 'app' });
      expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
      lock.release();
    }
  });

  it('release leaves a lock that is no longer its own', () => {
    const dir = tempDir();
    const lock = acquireDataLock(dir, 'app');
    const other = JSON.stringify({ pid: process.ppid, startedAt: 'x', program: 'app' });
    fs.writeFileSync(lock.file, other);
    lock.release();
    expect(fs.readFileSync(lock.file, 'utf8')).toBe(other);
  });

  it('says so clearly when the folder cannot be written', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const inside = path.join(blocker, 'data'); // a folder under a file: never writable, even as root
    expect(() => acquireDataLock(inside, 'app')).toThrow(
      `The data folder ${inside} cannot be written (ENOTDIR). Check its permissions, or set QWEN_DESK_DATA_DIR to another folder.`,
    );
  });
});
