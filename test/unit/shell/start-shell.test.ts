import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { startShell, type ShellDeps } from '../../../electron/shell/start-shell';

/** Fakes of Electron's app and dialog (the shell's own interfaces), recording what it asked. */
function rig(options: { lock?: boolean; createAppCore?: () => Core } = {}) {
  const calls: string[] = [];
  const boxes: [string, string][] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-start-shell-'));
  const deps = {
    app: {
      isPackaged: true,
      setName: () => calls.push('setName'),
      getPath: () => dataDir,
      setPath: () => calls.push('setPath'),
      requestSingleInstanceLock: () => (calls.push('lock'), options.lock ?? true),
      releaseSingleInstanceLock: () => calls.push('release'),
      whenReady: async () => void calls.push('ready'),
      quit: () => calls.push('quit'),
      exit: (code?: number) => calls.push(`exit ${code}`),
      on: () => deps.app,
    },
    dialog: { showErrorBox: (title: string, content: string) => boxes.push([title, content]) },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => undefined } } },
    env: { QWEN_DESK_DATA_DIR: dataDir },
    platform: 'linux',
    distDir: dataDir,
    parts: {
      registerAppScheme: () => calls.push('scheme'),
      serveRenderer: () => calls.push('serve'),
      registerIpc: () => calls.push('ipc'),
      forwardEvents: () => undefined,
      hardenContents: () => undefined,
      createMainWindow: () => {
        calls.push('window');
        return { webContents: {} };
      },
      windowCount: () => 0,
      makeDataDir: () => calls.push('mkdir'),
      createAppCore: options.createAppCore ?? (() => ({}) as Core),
    },
  } as unknown as ShellDeps;
  return { deps, calls, boxes, dataDir };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('startShell', () => {
  it("shows another process's hold on the data folder as is, with the log path, then releases and exits 1", async () => {
    const held = 'The data folder is in use by Qwen Desk (process 4242). Close it first.';
    const r = rig({
      createAppCore: () => {
        throw new Error(held);
      },
    });
    dirs.push(r.dataDir);
    await startShell(r.deps);
    expect(r.boxes).toEqual([
      [
        'Qwen Desk could not start',
        `${held}\n\nThe log is at ${path.join(r.dataDir, 'logs', 'qwen-desk.log')}.`,
      ],
    ]);
    expect(r.calls.slice(-2)).toEqual(['release', 'exit 1']);
    expect(r.calls).not.toContain('window');
    expect(fs.readFileSync(path.join(r.dataDir, 'logs', 'qwen-desk.log'), 'utf8')).toContain(held);
  });

  it('quits quietly when another instance has the lock', async () => {
    const r = rig({ lock: false });
    dirs.push(r.dataDir);
    await startShell(r.deps);
    expect(r.boxes).toEqual([]);
    expect(r.calls).toEqual(['setName', 'mkdir', 'setPath', 'scheme', 'lock', 'quit']);
  });

  it('reports a bad configuration (before ready) the same way', async () => {
    const r = rig();
    dirs.push(r.dataDir);
    (r.deps.env as NodeJS.ProcessEnv).QWEN_DESK_PORT = 'eighty';
    await startShell(r.deps);
    expect(r.boxes[0]?.[1]).toMatch(/^QWEN_DESK_PORT must be a port number/);
    expect(r.calls).toEqual(['setName', 'exit 1']);
  });

  it('starts: the core, the renderer, IPC and one window, no error box', async () => {
    const r = rig();
    dirs.push(r.dataDir);
    await startShell(r.deps);
    expect(r.boxes).toEqual([]);
    expect(r.calls).toEqual([
      'setName',
      'mkdir',
      'setPath',
      'scheme',
      'lock',
      'ready',
      'serve',
      'ipc',
      'window',
    ]);
  });
});
