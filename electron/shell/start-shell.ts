/**
 * The Electron shell's start, as a plain module: it takes Electron's objects through the small
 * interfaces below (typed from Electron's own definitions), so a test can boot the built bundle
 * against a recording stand-in. Any failure while starting (the data folder cannot be made, the
 * configuration is wrong, the core cannot be built, another process holds the data folder, …)
 * shows one native error box with the reason and the log's path, then quits with the
 * single-instance lock released, instead of leaving a windowless process holding that lock.
 */
import path from 'node:path';
import type { BrowserWindow, WebContents } from 'electron';
import { readEnvConfig, type EnvConfig } from '../core/config';
import type { Core } from '../core/create-core';
import { APP_NAME } from '../core/paths';
import { createFileLogger, LOG_DIR, LOG_FILE } from '../logging/logger';
import { contentSecurityPolicy } from '../security/csp';
import { APP_ORIGIN } from '../security/trusted-sender';

export type ShellApp = Pick<
  Electron.App,
  | 'setName'
  | 'getPath'
  | 'setPath'
  | 'requestSingleInstanceLock'
  | 'releaseSingleInstanceLock'
  | 'whenReady'
  | 'quit'
  | 'exit'
  | 'isPackaged'
  | 'on'
>;
export type ShellDialog = Pick<Electron.Dialog, 'showErrorBox'>;
export type ShellSession = { defaultSession: { webRequest: Pick<Electron.WebRequest, 'onHeadersReceived'> } };

/** The window-side parts (electron/windows/, electron/ipc/), passed in so this module stays plain. */
export interface ShellParts {
  registerAppScheme(): void;
  /** Issue 10: `readAttachment` serves the history's images at app://qwen-desk/attachment/<sha256>. */
  serveRenderer(
    rendererDir: string,
    readAttachment?: (sha256: string) => { mimeType: string; data: Buffer } | null,
  ): void;
  registerIpc(core: Core, trustedOrigins: string[]): unknown;
  forwardEvents(core: Core, contents: WebContents): void;
  hardenContents(contents: WebContents): void;
  createMainWindow(options: { url: string; preloadPath: string }): BrowserWindow;
  windowCount(): number;
  /** Creates the data folder (main.ts owns how: modes and so on). */
  makeDataDir(config: EnvConfig): void;
  createAppCore(config: EnvConfig): Core;
}

export interface ShellDeps {
  app: ShellApp;
  dialog: ShellDialog;
  session: ShellSession;
  parts: ShellParts;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** dist/electron: preload.cjs is here and the renderer in ../renderer. */
  distDir: string;
}

export const START_FAILED_TITLE = 'Qwen Desk could not start';

/** Where the log is (or would be) for this data folder: the path createFileLogger writes. */
export function logFilePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), LOG_DIR, LOG_FILE);
}

/** The error box's text: the reason exactly as thrown (e.g. which process holds the folder), then the log. */
export function startFailureMessage(err: unknown, logPath: string): string {
  const reason = err instanceof Error ? err.message : String(err);
  return `${reason}\n\nThe log is at ${logPath}.`;
}

/** Starts the shell; resolves once it is running, or once a failure has been shown and exit asked. */
export async function startShell(deps: ShellDeps): Promise<void> {
  const { app } = deps;
  let logPath = logFilePath(safe(() => app.getPath('userData')) ?? '.');
  let locked = false;
  let config: EnvConfig | undefined;

  const fail = (err: unknown) => {
    const message = startFailureMessage(err, logPath);
    // Before `ready` on Linux the box goes to stderr only, so the logger echoes it there too; the
    // log itself may be unwritable (that folder may be the problem), which the logger survives.
    const key = config?.apiKey;
    const logDir = config?.dataDir ?? path.dirname(path.dirname(logPath));
    createFileLogger({ dataDir: logDir, secrets: () => (key ? [key] : []), echo: true }).error(
      `${START_FAILED_TITLE}: ${message}`,
    );
    try {
      deps.dialog.showErrorBox(START_FAILED_TITLE, message);
    } finally {
      if (locked) safe(() => app.releaseSingleInstanceLock());
      app.exit(1);
    }
  };

  try {
    app.setName(APP_NAME);
    // Sets the data folder before anything reads it, so QWEN_DESK_DATA_DIR also moves Electron's own files.
    config = readEnvConfig(deps.env, app.getPath('userData'));
    logPath = logFilePath(config.dataDir);
    deps.parts.makeDataDir(config);
    app.setPath('userData', config.dataDir);
    deps.parts.registerAppScheme();
    if (!app.requestSingleInstanceLock()) {
      app.quit();
      return;
    }
    locked = true;
  } catch (err) {
    fail(err);
    return;
  }
  try {
    await run(deps, config);
  } catch (err) {
    fail(err);
  }
}

async function run(deps: ShellDeps, config: EnvConfig): Promise<void> {
  const { app, parts } = deps;
  await app.whenReady();
  // Only an unpackaged app (npm run dev) may load its page from the dev server.
  const devServerUrl = app.isPackaged ? undefined : deps.env.QWEN_DESK_DEV_SERVER_URL;
  const core = parts.createAppCore(config);
  const trustedOrigins = [APP_ORIGIN];

  if (devServerUrl) {
    const devOrigin = new URL(devServerUrl).origin;
    trustedOrigins.push(devOrigin);
    // The Vite dev server sends no CSP of its own: add the (dev-relaxed) policy to its pages.
    deps.session.defaultSession.webRequest.onHeadersReceived(
      { urls: [`${devOrigin}/*`] },
      (details, callback) => {
        callback({
          responseHeaders: {
            ...details.responseHeaders,
            'Content-Security-Policy': [
              contentSecurityPolicy({ dev: true, connectSrc: [devOrigin.replace(/^http/, 'ws')] }),
            ],
          },
        });
      },
    );
  } else {
    parts.serveRenderer(path.join(deps.distDir, '..', 'renderer'), (sha) => core.readAttachment(sha));
  }
  parts.registerIpc(core, trustedOrigins);
  // Every web contents (including any a future window creates) gets the same locks.
  app.on('web-contents-created', (_event, contents) => parts.hardenContents(contents));

  const openMainWindow = () => {
    const win = parts.createMainWindow({
      url: devServerUrl ?? `${APP_ORIGIN}/`,
      preloadPath: path.join(deps.distDir, 'preload.cjs'),
    });
    parts.forwardEvents(core, win.webContents);
    return win;
  };
  let mainWindow = openMainWindow();

  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = openMainWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (parts.windowCount() === 0) mainWindow = openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void core.dispose());
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
