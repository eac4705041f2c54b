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

interface Launched {
  read(): Call[];
  /** Drives the stand-in (see stand-in/electron.cjs). */
  send(message: Record<string, unknown>): void;
  /** Resolves once `until(calls)` holds; fails with the calls so far after 15 s. */
  waitFor(until: (calls: Call[]) => boolean): Promise<Call[]>;
  exited: Promise<Boot>;
  stop(): Promise<Boot>;
}

/** Starts the bundle with an IPC channel to the stand-in, so a test can emit events into it. */
function launch(
  dataDir: string,
  options: { env?: Record<string, string>; args?: string[]; probe?: string[] } = {},
): Launched {
  const work = tempDir();
  const recordFile = path.join(work, 'calls.jsonl');
  fs.writeFileSync(recordFile, '');
  const read = (): Call[] =>
    fs
      .readFileSync(recordFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Call);
  const child = spawn(process.execPath, ['--require', hook, mainBundle, ...(options.args ?? [])], {
    env: {
      ...process.env,
      ELECTRON_RUN_AS_NODE: '1',
      QWEN_DESK_STAND_IN_RECORD: recordFile,
      QWEN_DESK_STAND_IN_USER_DATA: path.join(work, 'user-data'),
      QWEN_DESK_DATA_DIR: dataDir,
      QWEN_DESK_KEYCHAIN_SERVICE: `Qwen Desk shell test ${process.pid}`,
      DASHSCOPE_API_KEY: 'sk-shell-test',
      XDG_SESSION_TYPE: 'x11',
      WAYLAND_DISPLAY: '',
      ...options.env,
      // Issue 10: app:// URLs the stand-in's protocol handler is asked for at start (stand-in/electron.cjs).
      QWEN_DESK_STAND_IN_PROBE: (options.probe ?? []).join(' '),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Boot>((resolve) =>
    child.on('exit', (code) => resolve({ code, calls: read(), stderr })),
  );
  return {
    read,
    send: (message) => void child.send(message),
    exited,
    waitFor(until) {
      return new Promise((resolve, reject) => {
        const poll = setInterval(() => {
          const calls = read();
          if (until(calls)) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve(calls);
          }
        }, 25);
        const timer = setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`timed out; calls: ${JSON.stringify(read())}\n${stderr}`));
        }, 15_000);
        void exited.then(() => {
          if (until(read())) return;
          clearInterval(poll);
          clearTimeout(timer);
          reject(new Error(`main.cjs exited; calls: ${JSON.stringify(read())}\n${stderr}`));
        });
      });
    },
    stop() {
      if (child.exitCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

/** Runs the bundle until it exits, or until `until(calls)` holds (then it is stopped). */
async function boot(
  dataDir: string,
  until?: (calls: Call[]) => boolean,
  probe: string[] = [],
): Promise<Boot> {
  const run = launch(dataDir, { probe });
  if (!until) return run.exited;
  await run.waitFor(until).catch(() => undefined);
  return run.stop();
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

  it('starts normally: the main and the quick window, both isolated and sandboxed, with the preload, loading app://', async () => {
    const dataDir = tempDir();
    const result = await boot(dataDir, (calls) => named(calls, 'Tray.setToolTip').length > 0);
    expect(named(result.calls, 'dialog.showErrorBox')).toHaveLength(0);
    const windows = named(result.calls, 'new BrowserWindow');
    expect(windows).toHaveLength(2);
    // The same factory: identical webPreferences for both windows.
    const [mainPrefs, quickPrefs] = windows.map(
      (w) => (w.args[0] as { webPreferences: Record<string, unknown> }).webPreferences,
    );
    expect(quickPrefs).toEqual(mainPrefs);
    const prefs = mainPrefs!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs.preload).toBe(path.resolve('dist/electron/preload.cjs'));
    expect(
      named(result.calls, 'BrowserWindow.loadURL')
        .map((c) => c.args[0])
        .sort(),
    ).toEqual(['app://qwen-desk/', 'app://qwen-desk/?window=quick']);
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

describe('the desktop parts (issue 11), booted from the built bundle', () => {
  const started = (calls: Call[]) => named(calls, 'Tray.setToolTip').length > 0;
  /** The window loading `?window=quick`, and the main one. */
  const windowIndex = (calls: Call[], quick: boolean) =>
    named(calls, 'BrowserWindow.loadURL').find((c) => String(c.args[0]).includes('window=quick') === quick)!
      .args[1] as number;
  const sentTo = (calls: Call[], index: number, channel: string) =>
    named(calls, 'webContents.send').filter((c) => c.args[0] === channel && c.args[2] === index);
  const result = (calls: Call[], channel: string) =>
    named(calls, 'ipc.result')
      .filter((c) => c.args[0] === channel)
      .map((c) => c.args[1] as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } });

  it('registers the saved shortcut, builds the tray menu, shows the quick window on the key, a second instance and the tray, and cleans up on quit', async () => {
    const app = launch(tempDir());
    let calls = await app.waitFor(started);
    try {
      // The default shortcut from Settings, registered and shown in the tray.
      expect(named(calls, 'globalShortcut.register')[0]!.args).toEqual([
        'CommandOrControl+Shift+Space',
        true,
      ]);
      expect(named(calls, 'Tray.setToolTip').at(-1)!.args[0]).toBe(
        'Qwen Desk — quick ask: CommandOrControl+Shift+Space',
      );
      expect(named(calls, 'new Tray')[0]!.args[0]).toMatch(/build[/\\]tray[/\\]tray-linux\.png$/);
      const menu = named(calls, 'Menu.buildFromTemplate').at(-1)!.args[0] as Array<Record<string, unknown>>;
      expect(menu.map((i) => i.label ?? i.type)).toEqual([
        'Quick ask',
        'Open Qwen Desk',
        'separator',
        'Quit',
      ]);
      expect(menu[0]!.accelerator).toBe('CommandOrControl+Shift+Space');
      // Every contract channel has a handler, the quick window's among them.
      const handled = named(calls, 'ipcMain.handle').map((c) => c.args[0]);
      expect(handled).toEqual(
        expect.arrayContaining(['qwen:shortcut.set', 'qwen:quick.continueInMain', 'qwen:quick.hide']),
      );
      const quick = windowIndex(calls, true);
      const main = windowIndex(calls, false);
      // Created hidden: nothing showed it yet.
      expect(named(calls, 'BrowserWindow.show').filter((c) => c.args[0] === quick)).toHaveLength(0);

      // The key: centred on the cursor's display (the second one), focused, told it was shown.
      app.send({ press: 'CommandOrControl+Shift+Space' });
      calls = await app.waitFor((c) => sentTo(c, quick, 'qwen:event:quick.shown').length === 1);
      const bounds = named(calls, 'BrowserWindow.setBounds').find((c) => c.args[1] === quick)!.args[0] as {
        x: number;
      };
      expect(bounds.x).toBeGreaterThanOrEqual(1920);
      // The key again hides it.
      app.send({ press: 'CommandOrControl+Shift+Space' });
      calls = await app.waitFor((c) => named(c, 'BrowserWindow.hide').some((h) => h.args[0] === quick));

      // A second instance with --quick-ask "text": the quick window, pre-filled (never sent).
      app.send({
        emit: 'second-instance',
        args: [['/usr/bin/qwen-desk', '--quick-ask', 'From\u0007 GNOME']],
      });
      calls = await app.waitFor((c) => sentTo(c, quick, 'qwen:event:quick.shown').length === 2);
      expect(sentTo(calls, quick, 'qwen:event:quick.shown')[1]!.args[1]).toEqual({ prefill: 'From GNOME' });
      // A deep link the same way; another scheme does nothing.
      app.send({ emit: 'second-instance', args: [['/usr/bin/qwen-desk', 'qwen-desk://quick-ask?q=linked']] });
      calls = await app.waitFor((c) => sentTo(c, quick, 'qwen:event:quick.shown').length === 3);
      expect(sentTo(calls, quick, 'qwen:event:quick.shown')[2]!.args[1]).toEqual({ prefill: 'linked' });
      // Without arguments: the main window.
      const mainShows = named(calls, 'BrowserWindow.show').filter((c) => c.args[0] === main).length;
      app.send({ emit: 'second-instance', args: [['/usr/bin/qwen-desk', 'https://evil.example/']] });
      calls = await app.waitFor(
        (c) => named(c, 'BrowserWindow.show').filter((s) => s.args[0] === main).length > mainShows,
      );
      // A left click on the tray: the quick window.
      app.send({ clickTray: true });
      calls = await app.waitFor((c) => sentTo(c, quick, 'qwen:event:quick.shown').length === 4);

      // "Continue in main window": the main window is shown and asked to open the conversation.
      app.send({
        invoke: 'qwen:quick.continueInMain',
        arg: { conversationId: 7 },
        url: 'app://qwen-desk/?window=quick',
      });
      calls = await app.waitFor((c) => sentTo(c, main, 'qwen:event:window.conversation.open').length === 1);
      expect(sentTo(calls, main, 'qwen:event:window.conversation.open')[0]!.args[1]).toEqual({
        conversationId: 7,
      });
      expect(result(calls, 'qwen:quick.continueInMain')[0]).toEqual({ ok: true, value: { shown: true } });

      // Closing the main window keeps the app in the tray (Linux, the setting on by default).
      app.send({ emitWindow: true, index: main, emit: 'close' });
      calls = await app.waitFor((c) => named(c, 'BrowserWindow.hide').some((h) => h.args[0] === main));
      expect(named(calls, 'event.preventDefault').map((c) => c.args[0])).toContain('close');
      expect(named(calls, 'app.quit')).toHaveLength(0);

      // "Quit" in the tray menu: shortcuts unregistered, the tray removed.
      app.send({ clickMenu: 3 });
      const end = await app.exited;
      const order = end.calls.map((c) => c.call);
      expect(order).toContain('globalShortcut.unregisterAll');
      expect(order.indexOf('globalShortcut.unregisterAll')).toBeGreaterThan(order.lastIndexOf('app.quit'));
      expect(order).toContain('Tray.destroy');
    } finally {
      await app.stop();
    }
  });

  it('reports a shortcut another app holds, in the tray and to Settings, and refuses to switch to a taken one', async () => {
    const app = launch(tempDir(), {
      env: { QWEN_DESK_STAND_IN_TAKEN: 'CommandOrControl+Shift+Space,Alt+Space' },
    });
    try {
      let calls = await app.waitFor(started);
      expect(named(calls, 'globalShortcut.register')[0]!.args).toEqual([
        'CommandOrControl+Shift+Space',
        false,
      ]);
      expect(named(calls, 'Tray.setToolTip').at(-1)!.args[0]).toMatch(/could not be registered/);
      app.send({ invoke: 'qwen:shortcut.status' });
      calls = await app.waitFor((c) => result(c, 'qwen:shortcut.status').length === 1);
      expect(result(calls, 'qwen:shortcut.status')[0]!.value).toMatchObject({
        state: 'failed',
        wayland: false,
      });

      // A taken one is refused as data; a free one is registered, saved, and shown in the tray.
      app.send({ invoke: 'qwen:shortcut.set', arg: { accelerator: 'Alt+Space' } });
      calls = await app.waitFor((c) => result(c, 'qwen:shortcut.set').length === 1);
      expect(result(calls, 'qwen:shortcut.set')[0]).toMatchObject({
        ok: false,
        error: { code: 'shortcut_taken' },
      });
      app.send({ invoke: 'qwen:shortcut.set', arg: { accelerator: 'Ctrl+Alt+Q' } });
      calls = await app.waitFor((c) => result(c, 'qwen:shortcut.set').length === 2);
      expect(result(calls, 'qwen:shortcut.set')[1]).toMatchObject({
        ok: true,
        value: { accelerator: 'Control+Alt+Q', state: 'registered' },
      });
      expect(named(calls, 'Tray.setToolTip').at(-1)!.args[0]).toBe('Qwen Desk — quick ask: Control+Alt+Q');
      app.send({ invoke: 'qwen:settings.get' });
      calls = await app.waitFor((c) => result(c, 'qwen:settings.get').length === 1);
      expect(result(calls, 'qwen:settings.get')[0]!.value).toMatchObject({
        settings: { quickAskShortcut: 'Control+Alt+Q' },
      });
    } finally {
      await app.stop();
    }
  });

  it('a first launch with --quick-ask opens the quick window pre-filled; Wayland is reported as advisory', async () => {
    const app = launch(tempDir(), {
      args: ['--quick-ask', 'first question'],
      env: { XDG_SESSION_TYPE: 'wayland' },
    });
    try {
      let calls = await app.waitFor((c) =>
        named(c, 'webContents.send').some((s) => s.args[0] === 'qwen:event:quick.shown'),
      );
      const quick = windowIndex(calls, true);
      expect(sentTo(calls, quick, 'qwen:event:quick.shown')[0]!.args[1]).toEqual({
        prefill: 'first question',
      });
      // A page that was still loading takes it once.
      app.send({ invoke: 'qwen:quick.pending', url: 'app://qwen-desk/?window=quick' });
      app.send({ invoke: 'qwen:quick.pending', url: 'app://qwen-desk/?window=quick' });
      calls = await app.waitFor((c) => result(c, 'qwen:quick.pending').length === 2);
      expect(result(calls, 'qwen:quick.pending').map((r) => r.value)).toEqual([
        { prefill: 'first question' },
        { prefill: null },
      ]);
      app.send({ invoke: 'qwen:shortcut.status' });
      calls = await app.waitFor((c) => result(c, 'qwen:shortcut.status').length === 1);
      expect(result(calls, 'qwen:shortcut.status')[0]!.value).toMatchObject({
        wayland: true,
        command: 'qwen-desk --quick-ask',
      });
    } finally {
      await app.stop();
    }
  });
});
