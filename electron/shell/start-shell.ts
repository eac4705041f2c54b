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
// Quick ask (issue 11)
import { ipcEventName } from '../contract';
import { QUICK_ASK_COMMAND, type DesktopControls } from '../core/handlers/quick-handlers';
import { lateDesktopControls, startDesktop, type MainWindowHandle } from './desktop-shell';
import { quickWindowOptions, type QuickWindowHandle, type ScreenApi } from './quick-window';
import { isWaylandSession, type ShortcutApi } from './shortcuts';
import { DEEP_LINK_SCHEME } from './launch-args';
import { findTrayIcon, type MenuApi, type TrayHandle } from './tray';

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
> &
  Partial<Pick<Electron.App, 'setAsDefaultProtocolClient'>>;
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
  createAppCore(config: EnvConfig, desktop?: DesktopControls): Core;
}

/** Issue 11: what the quick window, its shortcut and the tray need from Electron. */
export interface ShellDesktop {
  globalShortcut: ShortcutApi;
  screen: ScreenApi;
  Menu: MenuApi;
  /** A tray with the icon at this path (main.ts makes it a template image on macOS). */
  createTray(iconPath: string): TrayHandle;
  createQuickWindow(options: {
    url: string;
    preloadPath: string;
    window: Electron.BrowserWindowConstructorOptions;
  }): BrowserWindow;
  /** Where a packaged app's resources are (process.resourcesPath), for the tray icons. */
  resourcesPath?: string;
  argv: readonly string[];
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
  /** Issue 11: the quick window, shortcut and tray; without it, only the main window. */
  desktop?: ShellDesktop;
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
  const late = lateDesktopControls();
  const core = deps.desktop ? parts.createAppCore(config, late.controls) : parts.createAppCore(config);
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
  // Issue 11: the tray's close behaviour follows Settings at once, so the shell sees each change.
  let keepInTray = true;
  const watched: Core = {
    ...core,
    async invoke(channel, arg) {
      const result = await core.invoke(channel, arg);
      if (channel === 'settings.update' && result.ok)
        keepInTray = (result.value as { settings: { keepInTray: boolean } }).settings.keepInTray;
      return result;
    },
  };
  parts.registerIpc(watched, trustedOrigins);
  // Every web contents (including any a future window creates) gets the same locks.
  app.on('web-contents-created', (_event, contents) => parts.hardenContents(contents));

  const pageUrl = devServerUrl ?? `${APP_ORIGIN}/`;
  const preloadPath = path.join(deps.distDir, 'preload.cjs');
  const openMainWindow = () => {
    const win = parts.createMainWindow({ url: pageUrl, preloadPath });
    parts.forwardEvents(core, win.webContents);
    return win;
  };
  if (deps.desktop) {
    const view = await core.invoke('settings.get', undefined);
    const saved = view.ok
      ? (view.value as { settings: { quickAskShortcut: string; keepInTray: boolean } }).settings
      : { quickAskShortcut: '', keepInTray: true };
    keepInTray = saved.keepInTray;
    const controls = startDesktopParts(deps, deps.desktop, core, {
      pageUrl,
      preloadPath,
      openMainWindow,
      saved,
      keepInTray: () => keepInTray,
    });
    late.attach(controls);
    app.on('before-quit', () => void core.dispose());
    return;
  }
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

/** Issue 11: the quick window (pre-created, hidden), the shortcut, the tray and the launch arguments. */
function startDesktopParts(
  deps: ShellDeps,
  desktop: ShellDesktop,
  core: Core,
  page: {
    pageUrl: string;
    preloadPath: string;
    openMainWindow: () => BrowserWindow;
    saved: { quickAskShortcut: string; keepInTray: boolean };
    keepInTray: () => boolean;
  },
): DesktopControls {
  const { app, platform } = deps;
  const mainWindow = page.openMainWindow();
  const quickUrl = new URL(page.pageUrl);
  quickUrl.searchParams.set('window', 'quick');
  const quickWindow = desktop.createQuickWindow({
    url: quickUrl.toString(),
    preloadPath: page.preloadPath,
    window: quickWindowOptions(platform),
  });
  deps.parts.forwardEvents(core, quickWindow.webContents);
  const trayFolders = [
    ...(desktop.resourcesPath ? [path.join(desktop.resourcesPath, 'tray')] : []),
    path.join(deps.distDir, '..', '..', 'build', 'tray'), // the installers issue's icons, unpackaged
  ];
  const icon = findTrayIcon(platform, trayFolders);
  // qwen-desk://quick-ask links reach this app (the installers also declare the scheme for Linux).
  if (app.isPackaged) safe(() => app.setAsDefaultProtocolClient?.(DEEP_LINK_SCHEME)); // eng-disable PROTOCOL_HANDLER_JS_CHECK -- only quick-ask links; their text is pre-filled, never sent (launch-args.ts)
  const log = createFileLogger({ dataDir: app.getPath('userData'), secrets: () => [] });
  return startDesktop({
    app,
    platform,
    globalShortcut: desktop.globalShortcut,
    screen: desktop.screen,
    Menu: desktop.Menu,
    createTray: icon ? () => desktop.createTray(icon) : null,
    quickWindow: quickWindow as unknown as QuickWindowHandle,
    mainWindow: mainWindow as unknown as MainWindowHandle,
    openMainWindow: () => page.openMainWindow() as unknown as MainWindowHandle,
    settings: page.saved,
    keepInTray: page.keepInTray,
    wayland: platform === 'linux' && isWaylandSession(deps.env),
    command: QUICK_ASK_COMMAND,
    argv: desktop.argv,
    log: (m) => log.warn(m),
    events: {
      quickShown: ipcEventName('quick.shown'),
      openConversation: ipcEventName('window.conversation.open'),
    },
  }).controls;
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
