import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope } from '../../fake-dashscope/server';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { LOCK_FILE } from '../../../electron/core/data-lock';
import { eventually, tempHistoryDir } from '../../support/history';

const KEY = 'sk-data-lock-test';
const require = createRequire(import.meta.url);
const children: ChildProcess[] = [];

/** A tsx child with the app's environment on `dataDir`; collects its output. */
function run(script: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', require.resolve('tsx'), script], {
    env: {
      ...process.env,
      DASHSCOPE_API_KEY: KEY,
      QWEN_DESK_KEYCHAIN_SERVICE: 'qwen-desk-lock-test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

function answer(dataDir: string, id: number) {
  const db = new Database(path.join(dataDir, HISTORY_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT status, content FROM messages WHERE id = ?').get(id) as {
      status: string;
      content: string;
    };
  } finally {
    db.close();
  }
}

/** Issue 9, bug 6: one process per data folder. */
describe('the data-folder lock', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await fake.close();
  });

  it('a second browser mode on the folder exits with one line; the first one keeps saving its answer', async () => {
    const dataDir = tempHistoryDir();
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    fake.enqueue({ type: 'stream', tokens: Array.from({ length: 400 }, (_, i) => `t${i} `), delayMs: 15 });
    const env = {
      QWEN_DESK_DATA_DIR: dataDir,
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_RENDERER_DIR: rendererDir,
    };
    const first = run(path.join(import.meta.dirname, 'app-core-child.ts'), env);
    const id = Number(
      (
        await eventually(() => /^SENT (\d+)$/m.exec(first.out()) ?? undefined, 20_000).catch(() => {
          throw new Error(`the first process did not send: ${first.err()}`);
        })
      )[1],
    );
    await eventually(() => answer(dataDir, id).content.length > 0);
    const before = answer(dataDir, id).content.length;

    const spawnedAt = performance.now();
    const second = run(path.resolve('electron/browser-mode/main.ts'), env);
    const killer = setTimeout(() => second.child.kill(), 15_000); // if it started after all
    expect(await second.exited).toBe(1);
    clearTimeout(killer);
    console.log(`data lock: second process refused in ${Math.round(performance.now() - spawnedAt)} ms`);
    expect(second.err().trim()).toBe(
      `Qwen Desk could not start: The data folder ${path.resolve(dataDir)} is in use by Qwen Desk ` +
        `(browser mode, process ${first.child.pid}). Quit it first, or set QWEN_DESK_DATA_DIR to another folder.`,
    );
    expect(second.out()).toBe('');
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock).toMatchObject({ pid: first.child.pid, program: 'browser mode' });

    // The first one's answer is still streaming, and its periodic saves still land.
    const after = await eventually(() => {
      const row = answer(dataDir, id);
      return row.content.length > before + 50 ? row : undefined;
    });
    expect(after.status).toBe('streaming');

    // A clean stop releases the folder.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 40_000);
});
