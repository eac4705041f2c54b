/**
 * A read-only data folder at start. Made read-only for real: a read-only tmpfs (empty folder) and
 * a read-only bind mount of a folder holding a history (as root, chmod would not stop writes);
 * where mounting is not allowed, the child runs as `nobody` (setpriv) on a 0555 folder instead.
 * The app refuses to start in one clear sentence, does not crash, and writes nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportText, makeDataDir, removeDirs, tmp } from './support/harness';

const require = createRequire(import.meta.url);
afterAll(removeDirs);

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    out[f] = fs.statSync(p).isDirectory()
      ? 'dir'
      : crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

function mount(args: string[]): boolean {
  return spawnSync('mount', args, { stdio: 'ignore' }).status === 0;
}

/** Starts the app's core in a child on `dataDir`; returns its status and output. */
function start(dataDir: string, asNobody = false) {
  const node = [
    process.execPath,
    '--import',
    require.resolve('tsx'),
    path.join(import.meta.dirname, 'support/start-child.ts'),
  ];
  const [cmd, ...args] = asNobody
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node]
    : node;
  const r = spawnSync(cmd!, args, {
    env: { ...process.env, QWEN_DESK_DATA_DIR: dataDir, QWEN_DESK_KEYCHAIN_SERVICE: 'qwen-desk-faults-test' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

function expectRefused(dataDir: string, r: ReturnType<typeof start>) {
  expect(r.signal).toBeNull();
  expect(r.status).toBe(0); // no crash: the start failed as data
  expect(r.out).toContain(`REFUSED The data folder ${dataDir} is not writable`);
}

describe('a read-only data folder at start', () => {
  it('an empty read-only folder: refused with a clear message, nothing written', async () => {
    const dir = path.join(tmp('ro-empty'), 'data');
    fs.mkdirSync(dir);
    if (!mount(['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir])) {
      console.log('read-only: cannot mount here; running the child as nobody on a 0555 folder');
      fs.chmodSync(dir, 0o555);
      expectRefused(dir, start(dir, true));
      expect(fs.readdirSync(dir)).toEqual([]);
      return;
    }
    try {
      expectRefused(dir, start(dir));
      expect(fs.readdirSync(dir)).toEqual([]);
      console.log('read-only (ro tmpfs): refused with a clear message');
    } finally {
      execFileSync('umount', ['-l', dir]);
    }
  });

  it('a folder holding a history, mounted read-only: refused, the history byte for byte as it was', async () => {
    const dir = await makeDataDir(exportText(3, 2, 0));
    const before = snapshot(dir);
    const mounted = mount(['--bind', dir, dir]) && mount(['-o', 'remount,ro,bind', dir]);
    if (!mounted) {
      spawnSync('umount', [dir]);
      console.log('read-only: cannot bind-mount here; running the child as nobody on a 0555 folder');
      fs.chmodSync(dir, 0o555);
      expectRefused(dir, start(dir, true));
    } else {
      try {
        expectRefused(dir, start(dir));
        console.log('read-only (ro bind mount over a history): refused, nothing changed');
      } finally {
        execFileSync('umount', ['-l', dir]);
      }
    }
    expect(snapshot(dir)).toEqual(before);
  });
});
