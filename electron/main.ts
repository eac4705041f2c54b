/**
 * The Electron shell, kept thin: app lifecycle, one locked-down window, and the IPC wiring. All the
 * work happens in the Electron-free core, built here exactly as tests and browser mode build it.
 */
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, session } from 'electron';
import { readEnvConfig } from './core/config';
import { createAppCore } from './core/default-core';
import { APP_NAME } from './core/paths';
import { forwardEvents, registerIpc } from './ipc/ipc-main';
import { APP_ORIGIN } from './security/trusted-sender';
import { contentSecurityPolicy } from './security/csp';
import { registerAppScheme, serveRenderer } from './windows/app-protocol';
import { createMainWindow, hardenContents } from './windows/main-window';

app.setName(APP_NAME);
// Sets the data folder before anything reads it, so QWEN_DESK_DATA_DIR also moves Electron's own files.
const config = readEnvConfig(process.env, app.getPath('userData'));
fs.mkdirSync(config.dataDir, { recursive: true });
app.setPath('userData', config.dataDir);

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  // Only an unpackaged app (npm run dev) may load its page from the dev server.
  const devServerUrl = app.isPackaged ? undefined : process.env.QWEN_DESK_DEV_SERVER_URL;
  const distDir = __dirname; // dist/electron
  // Issue 9: a key goes to a new custom host only after this dialog, which no page can click.
  const core = createAppCore(config, process.env, {
    confirmKeyHost: async (host) =>
      (
        await dialog.showMessageBox({
          type: 'warning',
          buttons: ['Cancel', 'Send key'],
          defaultId: 0,
          cancelId: 0,
          title: 'Send your API key?',
          message: `Send your DashScope API key to ${host}?`,
          detail: 'Only confirm if you set this base URL yourself and trust this server.',
        })
      ).response === 1,
  });
  const trustedOrigins = [APP_ORIGIN];

  if (devServerUrl) {
    const devOrigin = new URL(devServerUrl).origin;
    trustedOrigins.push(devOrigin);
    // The Vite dev server sends no CSP of its own: add the (dev-relaxed) policy to its pages.
    session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [
            contentSecurityPolicy({ dev: true, connectSrc: [devOrigin.replace(/^http/, 'ws')] }),
          ],
        },
      });
    });
  } else {
    serveRenderer(path.join(distDir, '..', 'renderer'));
  }
  registerIpc(core, trustedOrigins);
  // Every web contents (including any a future window creates) gets the same locks.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  const openMainWindow = () => {
    const win = createMainWindow({
      url: devServerUrl ?? `${APP_ORIGIN}/`,
      preloadPath: path.join(distDir, 'preload.cjs'),
    });
    forwardEvents(core, win.webContents);
    return win;
  };
  let mainWindow = openMainWindow();

  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = openMainWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void core.dispose());
}
