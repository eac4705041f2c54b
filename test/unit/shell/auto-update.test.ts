/**
 * Issue 12, item 7: the auto-update wrapper against a recording stand-in of electron-updater's
 * autoUpdater and of Electron's app (LobeHub's way): configuration, which installs are never
 * updated, the daily check and its setting, the states a check goes through, and the lock released
 * before quitAndInstall. Also the core's channels and event on top of it.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../electron/contract';
import { createCore } from '../../../electron/core/create-core';
import { systemClock } from '../../../electron/shared/clock';
import { envKeySource } from '../../../electron/secrets/key-source';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import {
  CHECK_INTERVAL_MS,
  createAutoUpdate,
  FIRST_CHECK_DELAY_MS,
  type AutoUpdateDeps,
  type UpdaterLike,
} from '../../../electron/shell/auto-update';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-updates-'));
  dirs.push(dir);
  return dir;
};

/** electron-updater's autoUpdater, recorded: the calls in order, and a check that the test settles. */
class StandInUpdater extends EventEmitter {
  calls: string[] = [];
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  pending: { resolve: (v: unknown) => void; reject: (e: unknown) => void } | null = null;
  checkForUpdates() {
    this.calls.push('checkForUpdates');
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.calls.push(`quitAndInstall(${isSilent}, ${isForceRunAfter})`);
  }
}

function rig(options: Partial<AutoUpdateDeps> & { packageType?: string; packaged?: boolean } = {}) {
  const resourcesPath = tempDir();
  if (options.packageType) fs.writeFileSync(path.join(resourcesPath, 'package-type'), options.packageType);
  const updater = new StandInUpdater();
  const order: string[] = [];
  let loaded = 0;
  const scheduled: Array<{ kind: 'timeout' | 'interval'; ms: number; fn: () => void; cleared: boolean }> = [];
  const deps: AutoUpdateDeps = {
    app: {
      isPackaged: options.packaged ?? true,
      getVersion: () => '1.2.3',
      releaseSingleInstanceLock: () => void order.push('releaseSingleInstanceLock'),
    },
    loadUpdater: () => {
      loaded++;
      return updater as unknown as UpdaterLike;
    },
    env: {},
    platform: 'darwin',
    resourcesPath,
    dataDir: options.dataDir ?? tempDir(),
    clock: () => 1_000,
    timers: {
      setTimeout: (fn, ms) => (
        scheduled.push({ kind: 'timeout', ms, fn, cleared: false }),
        scheduled.length - 1
      ),
      setInterval: (fn, ms) => (
        scheduled.push({ kind: 'interval', ms, fn, cleared: false }),
        scheduled.length - 1
      ),
      clear: (handle) => void (scheduled[handle as number]!.cleared = true),
    },
    ...options,
  };
  const updates = createAutoUpdate(deps);
  const seen: UpdateStatus[] = [];
  updates.subscribe((s) => seen.push(s));
  updater.quitAndInstall = function (this: StandInUpdater, ...args: [boolean?, boolean?]) {
    order.push(`quitAndInstall(${args.join(', ')})`);
    StandInUpdater.prototype.quitAndInstall.apply(this, args);
  };
  return { updates, updater, deps, seen, order, scheduled, loaded: () => loaded };
}

describe('which installs update themselves', () => {
  it.each([
    ['a development run', { packaged: false }, 'development'],
    ['a deb (the package manager updates it)', { platform: 'linux', packageType: 'deb' }, 'package_manager'],
    ['an rpm', { platform: 'linux', packageType: 'rpm' }, 'package_manager'],
    ['a tar.gz copy', { platform: 'linux' }, 'archive'],
    ['a portable Windows exe', { platform: 'win32', env: { PORTABLE_EXECUTABLE_DIR: 'D:\\' } }, 'portable'],
  ] as const)('never %s, and never loads electron-updater for it', async (_name, options, reason) => {
    const r = rig(options as Partial<AutoUpdateDeps>);
    expect(r.updates.status()).toEqual({
      version: '1.2.3',
      automatic: false,
      state: { kind: 'unsupported', reason },
    });
    r.updates.start();
    await r.updates.check();
    expect(r.updates.setAutomatic(true).automatic).toBe(false);
    expect(r.scheduled).toEqual([]);
    expect(r.loaded()).toBe(0);
  });

  it.each([
    ['an AppImage', { platform: 'linux', env: { APPIMAGE: '/home/u/Qwen.AppImage' } }],
    ['a Windows NSIS install', { platform: 'win32' }],
    ['a macOS app', { platform: 'darwin' }],
  ] as const)('does for %s', (_name, options) => {
    expect(rig(options as Partial<AutoUpdateDeps>).updates.status().state).toEqual({ kind: 'idle' });
  });
});

describe('the updater', () => {
  it('downloads in the background and installs on quit, never a downgrade', async () => {
    const r = rig();
    void r.updates.check();
    expect([r.updater.autoDownload, r.updater.autoInstallOnAppQuit, r.updater.allowDowngrade]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('goes checking → downloading (with progress) → ready, telling every subscriber', async () => {
    const r = rig();
    const checked = r.updates.check();
    r.updater.emit('update-available', { version: '1.3.0' });
    r.updater.emit('download-progress', { percent: 42.5 });
    r.updater.emit('update-downloaded', { version: '1.3.0' });
    r.updater.pending!.resolve({ updateInfo: { version: '1.3.0' } });
    expect((await checked).state).toEqual({ kind: 'ready', version: '1.3.0' });
    expect(r.seen.map((s) => s.state)).toEqual([
      { kind: 'checking' },
      { kind: 'downloading', version: '1.3.0', percent: 0 },
      { kind: 'downloading', version: '1.3.0', percent: 42.5 },
      { kind: 'ready', version: '1.3.0' },
    ]);
    // Nothing is checked again once an update waits to be installed.
    await r.updates.check();
    expect(r.updater.calls).toEqual(['checkForUpdates']);
  });

  it('joins a check already running instead of starting a second', async () => {
    const r = rig();
    const first = r.updates.check();
    const second = r.updates.check();
    r.updater.emit('update-not-available', {});
    r.updater.pending!.resolve({});
    expect(await first).toEqual(await second);
    expect((await first).state).toEqual({ kind: 'up_to_date', checkedAt: 1_000 });
    expect(r.updater.calls).toEqual(['checkForUpdates']);
  });

  it('reports a failed check as data, and no release feed yet (404) as up to date', async () => {
    const r = rig();
    let check = r.updates.check();
    r.updater.pending!.reject(new Error('net::ERR_INTERNET_DISCONNECTED\n    at stack'));
    expect((await check).state).toEqual({ kind: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
    check = r.updates.check();
    r.updater.pending!.reject(
      new Error('Cannot find latest-mac.yml in the latest release artifacts: HttpError: 404'),
    );
    expect((await check).state).toEqual({ kind: 'up_to_date', checkedAt: 1_000 });
  });

  it('releases the single-instance lock before it quits and installs, and only once ready', async () => {
    const r = rig();
    expect(r.updates.install().state).toEqual({ kind: 'idle' });
    const check = r.updates.check();
    r.updater.emit('update-downloaded', { version: '2.0.0' });
    r.updater.pending!.resolve({});
    await check;
    r.updates.install();
    expect(r.order).toEqual(['releaseSingleInstanceLock', 'quitAndInstall(false, true)']);
  });
});

describe('"Check for updates automatically"', () => {
  it('is on by default: a first check a minute after start, then one a day', () => {
    const r = rig();
    expect(r.updates.status().automatic).toBe(true);
    r.updates.start();
    expect(r.scheduled.map(({ kind, ms }) => [kind, ms])).toEqual([
      ['timeout', FIRST_CHECK_DELAY_MS],
      ['interval', CHECK_INTERVAL_MS],
    ]);
    expect(CHECK_INTERVAL_MS).toBe(86_400_000);
    r.scheduled[0]!.fn();
    expect(r.updater.calls).toEqual(['checkForUpdates']);
  });

  it('turned off, stops the checks and stays off after a restart', () => {
    const dataDir = tempDir();
    const r = rig({ dataDir });
    r.updates.start();
    expect(r.updates.setAutomatic(false).automatic).toBe(false);
    expect(r.scheduled.every((t) => t.cleared)).toBe(true);
    expect(r.seen.at(-1)?.automatic).toBe(false);
    const again = rig({ dataDir });
    again.updates.start();
    expect(again.updates.status().automatic).toBe(false);
    expect(again.scheduled).toEqual([]);
    again.updates.setAutomatic(true);
    expect(again.scheduled.filter((t) => !t.cleared)).toHaveLength(2);
  });
});

describe('the core’s update channels', () => {
  const core = (updates?: ReturnType<typeof rig>['updates']) =>
    createCore({
      keySource: envKeySource(null),
      createQwenClient,
      clock: systemClock,
      getBaseURL: () => 'http://127.0.0.1:9/compatible-mode/v1',
      appVersion: '9.9.9',
      ...(updates ? { updates } : {}),
    });

  it('answer through the contract and forward the updater’s changes as events', async () => {
    const r = rig();
    const c = core(r.updates);
    const events: unknown[] = [];
    c.subscribe((event, payload) => event === 'updates.status' && events.push(payload));
    expect(await c.invoke('updates.status', undefined)).toEqual({ ok: true, value: r.updates.status() });
    expect(await c.invoke('updates.setAutomatic', { automatic: 'yes' })).toMatchObject({ ok: false });
    expect(await c.invoke('updates.setAutomatic', { automatic: false })).toMatchObject({
      ok: true,
      value: { automatic: false },
    });
    expect(events).toEqual([{ version: '1.2.3', automatic: false, state: { kind: 'idle' } }]);
    await c.dispose();
  });

  it('say updates are not for this run when there is no updater (browser mode), with the version', async () => {
    const c = core();
    expect(await c.invoke('updates.check', undefined)).toEqual({
      ok: true,
      value: { version: '9.9.9', automatic: false, state: { kind: 'unsupported', reason: 'browser' } },
    });
    await c.dispose();
  });
});
