import path from 'node:path';
import { BrowserWindow, shell, type WebContents } from 'electron';
import { safeExternalUrl } from '../security/external-links';

export interface MainWindowOptions {
  /** The page to load: the Vite dev server in development, app://qwen-desk/ in production. */
  url: string;
  preloadPath: string;
}

/**
 * Every app window, locked down the same way: isolated, sandboxed, no Node, no navigation, no
 * pop-ups (hardenContents, from `web-contents-created`, adds the rest). The main and the quick
 * window differ only in `window` (size, frame, level), never in webPreferences.
 */
export function createAppWindow(
  options: MainWindowOptions & {
    window: Omit<Electron.BrowserWindowConstructorOptions, 'webPreferences'>;
    showWhenReady: boolean;
  },
): BrowserWindow {
  const win = new BrowserWindow({
    backgroundColor: '#ffffff',
    ...options.window,
    show: false,
    webPreferences: {
      preload: path.resolve(options.preloadPath), // eng-disable PRELOAD_JS_CHECK -- the 1 KB contract bridge, sandboxed
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      // A middle click cannot open anything either (Electronegativity's AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      // Last, so no option above can undo it.
      sandbox: true,
    },
  });
  if (options.showWhenReady) win.once('ready-to-show', () => win.show());
  void win.loadURL(options.url);
  return win;
}

/** The main window. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  return createAppWindow({
    ...options,
    window: { width: 1100, height: 760, minWidth: 420, minHeight: 360, title: 'Qwen Desk' },
    showWhenReady: true,
  });
}

/** The quick window (issue 11): created hidden at start, so its first show is instant. */
export function createQuickWindow(
  options: MainWindowOptions & { window: Electron.BrowserWindowConstructorOptions },
): BrowserWindow {
  const { webPreferences: _ignored, ...window } = options.window;
  return createAppWindow({ ...options, window, showWhenReady: false });
}

/**
 * Navigation and new windows are refused; http(s) links go to the system browser, once validated.
 * Applied to every web contents from `web-contents-created`, so no window can be missed.
 */
export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe) void shell.openExternal(safe); // eng-disable OPEN_EXTERNAL_JS_CHECK -- safeExternalUrl: the shared link list (http(s), plain mailto)
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    const safe = safeExternalUrl(url);
    if (safe) void shell.openExternal(safe); // eng-disable OPEN_EXTERNAL_JS_CHECK -- safeExternalUrl: the shared link list (http(s), plain mailto)
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}
