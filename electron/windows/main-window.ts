import path from 'node:path';
import { BrowserWindow, shell, type WebContents } from 'electron';
import { safeExternalUrl } from '../security/external-links';

export interface MainWindowOptions {
  /** The page to load: the Vite dev server in development, app://qwen-desk/ in production. */
  url: string;
  preloadPath: string;
}

/** The main window, locked down: isolated, sandboxed, no Node, no navigation, no pop-ups. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 420,
    minHeight: 360,
    title: 'Qwen Desk',
    show: false,
    backgroundColor: '#ffffff',
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
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.url);
  return win;
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
