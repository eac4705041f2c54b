/**
 * The Electron shell's entry, kept thin: it hands Electron's objects to the plain start module
 * (electron/shell/start-shell.ts), which owns the lifecycle and reports any start failure in a
 * native error box before quitting. All the work happens in the Electron-free core.
 */
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  Menu,
  nativeImage,
  screen,
  session,
  Tray,
} from 'electron';
import { createAppCore } from './core/default-core';
import { forwardEvents, registerIpc } from './ipc/ipc-main';
import { startShell } from './shell/start-shell';
import { registerAppScheme, serveRenderer } from './windows/app-protocol';
import { createMainWindow, createQuickWindow, hardenContents } from './windows/main-window';
import { ensurePrivateDir } from './core/private-files';
// Issue 12: electron-updater's autoUpdater is made on first use, only where updates are supported.
import { autoUpdater } from 'electron-updater';
import { createAutoUpdate } from './shell/auto-update';
import { createImageSaver } from './shell/save-image';

void startShell({
  app,
  dialog,
  session,
  env: process.env,
  platform: process.platform,
  distDir: __dirname, // dist/electron
  parts: {
    registerAppScheme,
    serveRenderer,
    registerIpc,
    forwardEvents,
    hardenContents,
    createMainWindow,
    windowCount: () => BrowserWindow.getAllWindows().length,
    makeDataDir: (config) => ensurePrivateDir(config.dataDir),
    // Issue 9: a key goes to a new custom host only after this dialog, which no page can click.
    createAppCore: (config, desktop) => {
      const updates = createAutoUpdate({
        app,
        loadUpdater: () => autoUpdater,
        env: process.env,
        platform: process.platform,
        resourcesPath: process.resourcesPath,
        dataDir: config.dataDir,
      });
      updates.start();
      app.on('before-quit', () => updates.dispose());
      return createAppCore(config, process.env, {
        confirmKeyHost,
        updates,
        appVersion: app.getVersion(),
        ...(desktop ? { desktop } : {}),
        saveImage: createImageSaver(dialog), // issue 14: "Save image"
      });
    },
  },
  // Issue 11: the quick window, its global shortcut and the tray.
  desktop: {
    globalShortcut,
    // `screen` may only be touched after ready: the shell reads it when it shows the quick window.
    get screen() {
      return screen;
    },
    Menu,
    createTray(iconPath) {
      const image = nativeImage.createFromPath(iconPath);
      if (process.platform === 'darwin') image.setTemplateImage(true);
      return new Tray(image);
    },
    createQuickWindow,
    resourcesPath: process.resourcesPath,
    argv: process.argv,
  },
});

async function confirmKeyHost(host: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: ['Cancel', 'Send key'],
    defaultId: 0,
    cancelId: 0,
    title: 'Send your API key?',
    message: `Send your DashScope API key to ${host}?`,
    detail: 'Only confirm if you set this base URL yourself and trust this server.',
  });
  return response === 1;
}
