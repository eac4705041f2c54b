/**
 * Boots the BUILT Electron main bundle (dist/electron/main.cjs) in a child Node process whose
 * `electron` is a recording stand-in (stand-in/electron.cjs, mapped by stand-in/hook.cjs), since no
 * Electron binary runs here. A start that fails (the data folder cannot be made, the core cannot
 * open its files) must show the error box with the log's path and exit non-zero with no window,
 * never linger holding the single-instance lock; a normal start makes one locked-down window.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/history/history-store';
import { noisePng } from '../../support/image-fixtures';

const mainBundle = path.resolve('dist/electron/main.cjs');
const hook = path.resolve('test/integration/shell/stand-in/hook.cjs');

interface Call {
  call: string;
  args: unknown[];
}
interface Boot {
  code: number | null;
  calls: Call[];
  stderr: string;
}

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-shell-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundle until it exits, or until `until(calls)` holds (then it is stopped). */
function boot(dataDir: string, until?: (calls: Call[]) => boolean, probe: string[] = []): Promise<Boot> {
  const work = tempDir();
  const recordFile = path.join(work, 'calls.jsonl');
  fs.writeFileSync(recordFile, '');
  const read = (): Call[] =>
    fs
      .readFileSync(recordFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Call);
  const child = spawn(process.execPath, ['--require', hook, mainBundle], {
    env: {
      ...process.env,
      ELECTRON_RUN_AS_NODE: '1',
      QWEN_DESK_STAND_IN_RECORD: recordFile,
      QWEN_DESK_STAND_IN_USER_DATA: path.join(work, 'user-data'),
      QWEN_DESK_DATA_DIR: dataDir,
      QWEN_DESK_KEYCHAIN_SERVICE: `Qwen Desk shell test ${process.pid}`,
      DASHSCOPE_API_KEY: 'sk-shell-test',
      QWEN_DESK_STAND_IN_PROBE: probe.join(' '),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const poll = until
      ? setInterval(() => {
          if (until(read())) child.kill('SIGKILL');
        }, 50)
      : undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main.cjs did not finish in time; calls: ${JSON.stringify(read())}\n${stderr}`));
    }, 15_000);
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, calls: read(), stderr });
    });
  });
}

const named = (calls: Call[], name: string) => calls.filter((c) => c.call === name);

function expectFailedStart(result: Boot, logPath: string, reason: RegExp) {
  const boxes = named(result.calls, 'dialog.showErrorBox');
  expect(boxes, result.stderr).toHaveLength(1);
  const [title, message] = boxes[0]!.args as [string, string];
  expect(title).toBe('Qwen Desk could not start');
  expect(message).toMatch(reason);
  expect(message).toContain(logPath);
  expect(named(result.calls, 'app.exit')).toEqual([{ call: 'app.exit', args: [1] }]);
  expect(result.code).toBe(1);
  expect(named(result.calls, 'new BrowserWindow')).toHaveLength(0);
}

describe('the Electron shell, booted from the built bundle against a stand-in electron', () => {
  beforeAll(() => {
    if (!fs.existsSync(mainBundle))
      throw new Error('dist/electron/main.cjs is missing: run "node scripts/build.mjs --quiet" first.');
  });

  it('shows the error box and exits 1 when the data folder cannot be created (before ready)', async () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'a-file'), 'not a folder');
    const dataDir = path.join(parent, 'a-file', 'data');
    const result = await boot(dataDir);
    expectFailedStart(result, path.join(dataDir, 'logs', 'qwen-desk.log'), /ENOTDIR/);
    // Failed before taking the lock, so there was none to release.
    expect(named(result.calls, 'app.requestSingleInstanceLock')).toHaveLength(0);
  });

  it('shows the error box, releases the lock and exits 1 when the core cannot be built', async () => {
    const dataDir = tempDir();
    // The database path is taken by a folder: opening the history throws while building the core.
    fs.mkdirSync(path.join(dataDir, 'history.sqlite3'));
    const result = await boot(dataDir);
    expectFailedStart(result, path.join(dataDir, 'logs', 'qwen-desk.log'), /database/);
    const order = result.calls.map((c) => c.call);
    expect(order.indexOf('app.releaseSingleInstanceLock')).toBeGreaterThan(
      order.indexOf('app.requestSingleInstanceLock'),
    );
    expect(order.indexOf('app.releaseSingleInstanceLock')).toBeLessThan(order.indexOf('app.exit'));
    // The failure is in the log the box points to, without the key.
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'qwen-desk.log'), 'utf8');
    expect(log).toMatch(/ERROR Qwen Desk could not start: .*database/);
    expect(log).not.toContain('sk-shell-test');
  });

  it('starts normally: one window, isolated and sandboxed, with the preload, loading app://', async () => {
    const dataDir = tempDir();
    const result = await boot(dataDir, (calls) => named(calls, 'BrowserWindow.loadURL').length > 0);
    expect(named(result.calls, 'dialog.showErrorBox')).toHaveLength(0);
    const windows = named(result.calls, 'new BrowserWindow');
    expect(windows).toHaveLength(1);
    const prefs = (windows[0]!.args[0] as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs.preload).toBe(path.resolve('dist/electron/preload.cjs'));
    expect(named(result.calls, 'BrowserWindow.loadURL')[0]!.args).toEqual(['app://qwen-desk/']);
    expect(named(result.calls, 'app.setPath')[0]!.args).toEqual(['userData', dataDir]);
    expect(named(result.calls, 'protocol.handle')[0]!.args).toEqual(['app']);
    expect(named(result.calls, 'ipcMain.handle').length).toBeGreaterThan(10);
  });

  it('serves a history image at app://qwen-desk/attachment/<sha256> from the core, by hash (issue 10)', async () => {
    const dataDir = tempDir();
    const store = HistoryStore.open(dataDir);
    const image = noisePng(12);
    const conversationId = store.conversations.create({ now: 1, model: 'qwen3-vl-plus', params: null });
    const messageId = store.messages.insert({
      conversationId,
      parentId: null,
      role: 'user',
      content: 'Look.',
      now: 1,
    });
    store.attachments.add(
      messageId,
      [{ kind: 'image', fileName: 'a.png', mimeType: 'image/png', width: 12, height: 12, data: image }],
      1,
    );
    const sha = store.attachments.forMessage(messageId)[0]!.sha256;
    store.close();
    const urls = [`app://qwen-desk/attachment/${sha}`, `app://qwen-desk/attachment/${'0'.repeat(64)}`];
    const result = await boot(dataDir, (calls) => named(calls, 'protocol.response').length === 2, urls);
    const answers = named(result.calls, 'protocol.response').map((c) => c.args);
    expect(answers).toContainEqual([urls[0], 200, 'image/png', image.toString('base64')]);
    expect(answers).toContainEqual([
      urls[1],
      404,
      'text/plain;charset=UTF-8',
      Buffer.from('Not found').toString('base64'),
    ]);
  });
});
