// A recording stand-in for the `electron` module, for booting the built dist/electron/main.cjs in
// plain Node (no Electron binary here). Every call the shell makes is appended, one JSON line
// each, to the file named by QWEN_DESK_STAND_IN_RECORD; `app.exit` ends the process like Electron's.
// Issue 11: with an IPC channel to the test (process.send), the test drives it with messages:
// `{ emit, args }` emits an app event (or `{ emitWindow, index, emit }` a window's), `{ press }`
// fires a registered global shortcut, `{ invoke, arg, url }` calls an IPC handler as a page would,
// `{ clickTray }` clicks the tray. QWEN_DESK_STAND_IN_TAKEN lists combinations "another app" holds.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: loaded by node --require before the bundle. */
const fs = require('node:fs');
const { EventEmitter } = require('node:events');

const recordFile = process.env.QWEN_DESK_STAND_IN_RECORD;
function record(call, ...args) {
  fs.appendFileSync(recordFile, JSON.stringify({ call, args }) + '\n');
}

const paths = { userData: process.env.QWEN_DESK_STAND_IN_USER_DATA };
const events = new EventEmitter();
/** An event object like Electron's: preventDefault is recorded. */
const eventObject = (name) => ({ preventDefault: () => record('event.preventDefault', name) });
const app = {
  isPackaged: false,
  getVersion: () => '0.1.0',
  hide: () => record('app.hide'),
  setName: (name) => record('app.setName', name),
  getPath: (name) => paths[name],
  setPath: (name, value) => {
    record('app.setPath', name, value);
    paths[name] = value;
  },
  requestSingleInstanceLock: () => {
    record('app.requestSingleInstanceLock');
    return true;
  },
  releaseSingleInstanceLock: () => record('app.releaseSingleInstanceLock'),
  whenReady: () => {
    record('app.whenReady');
    return Promise.resolve();
  },
  on: (name, listener) => {
    record('app.on', name);
    events.on(name, listener);
    return app;
  },
  quit: () => {
    record('app.quit');
    events.emit('before-quit', eventObject('before-quit'));
    events.emit('will-quit', eventObject('will-quit'));
    process.exit(0);
  },
  exit: (code = 0) => {
    record('app.exit', code);
    process.exit(code);
  },
};

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.session = { setPermissionRequestHandler: () => record('session.setPermissionRequestHandler') };
  }
  setWindowOpenHandler() {
    record('webContents.setWindowOpenHandler');
  }
  isDestroyed() {
    return false;
  }
  isLoading() {
    return false;
  }
  send(channel, payload) {
    record('webContents.send', channel, payload, this.windowIndex);
  }
}

const windows = [];
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    record('new BrowserWindow', options);
    this.index = windows.length;
    this.visible = false;
    this.bounds = { x: 0, y: 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.webContents = new WebContents();
    this.webContents.windowIndex = this.index;
    windows.push(this);
    events.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows;
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', url, this.index);
    return Promise.resolve();
  }
  show() {
    record('BrowserWindow.show', this.index);
    this.visible = true;
  }
  hide() {
    record('BrowserWindow.hide', this.index);
    this.visible = false;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  isFocused() {
    return false;
  }
  restore() {}
  focus() {
    record('BrowserWindow.focus', this.index);
    this.emit('focus');
  }
  setBounds(bounds) {
    record('BrowserWindow.setBounds', bounds, this.index);
    this.bounds = bounds;
  }
  getBounds() {
    return this.bounds;
  }
  setAlwaysOnTop(flag, level) {
    record('BrowserWindow.setAlwaysOnTop', flag, level, this.index);
  }
  setOpacity() {}
  minimize() {}
}

// --- issue 11: global shortcuts, the screen, the tray and its menu ---
const taken = new Set((process.env.QWEN_DESK_STAND_IN_TAKEN ?? '').split(',').filter(Boolean));
const shortcuts = new Map();
const globalShortcut = {
  register(accelerator, callback) {
    const ok = !taken.has(accelerator);
    record('globalShortcut.register', accelerator, ok);
    if (ok) shortcuts.set(accelerator, callback);
    return ok;
  },
  unregister(accelerator) {
    record('globalShortcut.unregister', accelerator);
    shortcuts.delete(accelerator);
  },
  unregisterAll() {
    record('globalShortcut.unregisterAll');
    shortcuts.clear();
  },
};
const screen = {
  getCursorScreenPoint: () => ({ x: 2500, y: 300 }),
  // Two displays side by side; the cursor is on the second.
  getDisplayNearestPoint: (point) =>
    point.x >= 1920
      ? { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } }
      : { workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
};
const Menu = {
  buildFromTemplate(template) {
    record('Menu.buildFromTemplate', template);
    return { template };
  },
};
const trays = [];
class Tray extends EventEmitter {
  constructor(image) {
    super();
    record('new Tray', image.path);
    trays.push(this);
  }
  setContextMenu(menu) {
    this.menu = menu;
    record('Tray.setContextMenu');
  }
  setToolTip(text) {
    record('Tray.setToolTip', text);
  }
  destroy() {
    record('Tray.destroy');
  }
}
const nativeImage = {
  createFromPath: (file) => ({ path: file, setTemplateImage: () => record('nativeImage.setTemplateImage') }),
};

const handlers = new Map();
if (process.send) {
  process.on('message', async (message) => {
    if (message.emit && message.emitWindow === undefined) {
      events.emit(message.emit, eventObject(message.emit), ...(message.args ?? []));
    } else if (message.emit) {
      windows[message.index].emit(message.emit, eventObject(message.emit));
    } else if (message.press) {
      shortcuts.get(message.press)?.();
    } else if (message.clickTray) {
      trays.at(-1)?.emit('click');
    } else if (message.clickMenu !== undefined) {
      trays.at(-1)?.menu.template[message.clickMenu].click();
    } else if (message.invoke) {
      const frame = { url: message.url ?? 'app://qwen-desk/', parent: null };
      const result = await handlers.get(message.invoke)({ senderFrame: frame }, message.arg);
      record('ipc.result', message.invoke, result);
    }
  });
}

module.exports = {
  app,
  BrowserWindow,
  dialog: { showErrorBox: (title, content) => record('dialog.showErrorBox', title, content) },
  session: {
    defaultSession: { webRequest: { onHeadersReceived: () => record('webRequest.onHeadersReceived') } },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes),
    handle: (scheme, handler) => {
      record('protocol.handle', scheme);
      // Issue 10: asks the handler for the URLs a test names, and records what it answered.
      for (const url of (process.env.QWEN_DESK_STAND_IN_PROBE ?? '').split(' ').filter(Boolean)) {
        Promise.resolve(handler(new Request(url))).then(
          async (res) => {
            const body = Buffer.from(await res.arrayBuffer()).toString('base64');
            record('protocol.response', url, res.status, res.headers.get('content-type'), body);
          },
          (err) => record('protocol.response', url, 'threw', String(err)),
        );
      }
    },
  },
  ipcMain: {
    handle: (channel, handler) => {
      record('ipcMain.handle', channel);
      handlers.set(channel, handler);
    },
    removeHandler() {},
  },
  globalShortcut,
  screen,
  Menu,
  Tray,
  nativeImage,
  net: { fetch: () => Promise.reject(new Error('net.fetch is not part of the stand-in')) },
  shell: { openExternal: (url) => record('shell.openExternal', url) },
};
