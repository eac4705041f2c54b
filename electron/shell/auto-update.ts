/**
 * Issue 12: automatic updates with electron-updater, as a plain module (the updater and the app
 * come in through the small interfaces below, so a recording stand-in tests it, LobeHub's way).
 *  - Only where the app can replace itself: a packaged macOS app, a Windows NSIS install, a Linux
 *    AppImage. Never for a deb/rpm (the system's package manager updates those; electron-builder
 *    marks them in resources/package-type), a portable exe, a tar.gz, or a development run.
 *  - "Check for updates automatically" (on by default, kept in updates.json in the data folder):
 *    a first check a minute after start, then one a day.
 *  - A found update downloads in the background; "Restart to update" releases the single-instance
 *    lock first (so the updated app can take it) and then quits and installs. A downloaded update
 *    also installs when the app quits.
 *  - No release feed yet (a 404 for latest*.yml before the first release) counts as up to date.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppUpdater } from 'electron-updater';
import type { UpdateState, UpdateStatus } from '../contract';
import type { UpdatesPort } from '../core/handlers/updates-handlers';

export type UpdaterLike = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'checkForUpdates' | 'quitAndInstall' | 'on'
>;
export type UpdateApp = Pick<Electron.App, 'isPackaged' | 'getVersion' | 'releaseSingleInstanceLock'>;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  setInterval(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AutoUpdateDeps {
  app: UpdateApp;
  /** Loads electron-updater's autoUpdater; called only where updates are supported. */
  loadUpdater: () => UpdaterLike;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** process.resourcesPath: where electron-builder leaves package-type and app-update.yml. */
  resourcesPath: string;
  /** The data folder: updates.json keeps "Check for updates automatically". */
  dataDir: string;
  timers?: Timers;
  clock?: () => number;
  log?: (message: string) => void;
}

export const FIRST_CHECK_DELAY_MS = 60_000;
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
const PREFERENCES_FILE = 'updates.json';

const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Why this install is never updated by the app, or null when it can be. */
export function unsupportedReason(
  deps: Pick<AutoUpdateDeps, 'app' | 'env' | 'platform' | 'resourcesPath'>,
): Extract<UpdateState, { kind: 'unsupported' }>['reason'] | null {
  if (!deps.app.isPackaged) return 'development';
  if (deps.platform === 'win32' && deps.env.PORTABLE_EXECUTABLE_DIR) return 'portable';
  if (deps.platform !== 'linux') return null;
  let packageType = '';
  try {
    packageType = fs.readFileSync(path.join(deps.resourcesPath, 'package-type'), 'utf8').trim();
  } catch {
    // Not a deb or rpm.
  }
  if (packageType) return 'package_manager';
  return deps.env.APPIMAGE ? null : 'archive';
}

export interface AutoUpdate extends UpdatesPort {
  /** Starts the daily checks when they are on. */
  start(): void;
  dispose(): void;
}

export function createAutoUpdate(deps: AutoUpdateDeps): AutoUpdate {
  const timers = deps.timers ?? systemTimers;
  const now = deps.clock ?? Date.now;
  const log = deps.log ?? (() => undefined);
  const version = deps.app.getVersion();
  const preferencesFile = path.join(deps.dataDir, PREFERENCES_FILE);
  const listeners = new Set<(status: UpdateStatus) => void>();
  const reason = unsupportedReason(deps);
  let automatic = readAutomatic(preferencesFile);
  let state: UpdateState = reason ? { kind: 'unsupported', reason } : { kind: 'idle' };
  let updater: UpdaterLike | null = null;
  let running: Promise<UpdateStatus> | null = null;
  let handles: unknown[] = [];

  const status = (): UpdateStatus => ({ version, automatic: reason ? false : automatic, state });
  const setState = (next: UpdateState) => {
    state = next;
    const current = status();
    for (const listener of listeners) listener(current);
  };

  function theUpdater(): UpdaterLike {
    if (updater) return updater;
    const u = deps.loadUpdater();
    u.autoDownload = true;
    u.autoInstallOnAppQuit = true;
    u.allowDowngrade = false;
    u.on('update-available', (info) => setState({ kind: 'downloading', version: info.version, percent: 0 }));
    u.on('download-progress', (progress) => {
      if (state.kind === 'downloading')
        setState({ ...state, percent: Math.min(100, Math.max(0, progress.percent)) });
    });
    u.on('update-downloaded', (info) => setState({ kind: 'ready', version: info.version }));
    u.on('update-not-available', () => setState({ kind: 'up_to_date', checkedAt: now() }));
    u.on('error', (err) => failed(err));
    return (updater = u);
  }

  function failed(err: unknown) {
    // A failed check during a download, or after one finished, must not hide it.
    if (state.kind === 'ready') return;
    const message = err instanceof Error ? err.message : String(err);
    if (isMissingFeed(message)) {
      setState({ kind: 'up_to_date', checkedAt: now() });
      return;
    }
    log(`Update check failed: ${message}`);
    setState({ kind: 'error', message: firstLine(message) });
  }

  async function check(): Promise<UpdateStatus> {
    if (reason || state.kind === 'downloading' || state.kind === 'ready') return status();
    if (running) return running;
    running = (async () => {
      setState({ kind: 'checking' });
      try {
        const result = await theUpdater().checkForUpdates();
        // null: the updater decided not to check (it says why in its log); nothing was found.
        if (result === null && state.kind === 'checking') setState({ kind: 'up_to_date', checkedAt: now() });
      } catch (err) {
        failed(err);
      } finally {
        running = null;
      }
      return status();
    })();
    return running;
  }

  function schedule() {
    for (const handle of handles) timers.clear(handle);
    handles = [];
    if (reason || !automatic) return;
    handles.push(timers.setTimeout(() => void check(), FIRST_CHECK_DELAY_MS));
    handles.push(timers.setInterval(() => void check(), CHECK_INTERVAL_MS));
  }

  return {
    status,
    check,
    install() {
      if (state.kind !== 'ready' || !updater) return status();
      log(`Installing Qwen Desk ${state.version} and restarting.`);
      // The updated app must be able to take the lock while this one is still quitting.
      deps.app.releaseSingleInstanceLock();
      updater.quitAndInstall(false, true);
      return status();
    },
    setAutomatic(on) {
      if (reason) return status();
      automatic = on;
      writeAutomatic(preferencesFile, on, log);
      schedule();
      const current = status();
      for (const listener of listeners) listener(current);
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: schedule,
    dispose() {
      for (const handle of handles) timers.clear(handle);
      handles = [];
      listeners.clear();
    },
  };
}

/** GitHub answers 404 for latest*.yml until the first release has it: that is "up to date". */
function isMissingFeed(message: string): boolean {
  return /\b404\b/.test(message) && /latest[\w-]*\.yml|Cannot find/i.test(message);
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).slice(0, 300);
}

function readAutomatic(file: string): boolean {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as { automatic?: unknown };
    return value.automatic !== false;
  } catch {
    return true; // on by default, and when the file is missing or damaged
  }
}

function writeAutomatic(file: string, automatic: boolean, log: (m: string) => void): void {
  try {
    fs.writeFileSync(file, JSON.stringify({ automatic }) + '\n', { mode: 0o600 });
  } catch (err) {
    log(`Could not save the update setting: ${err instanceof Error ? err.message : String(err)}`);
  }
}
