// A recording stand-in for the `electron` module, for booting the built dist/electron/main.cjs in
// plain Node (no Electron binary here). Every call the shell makes is appended, one JSON line
// each, to the file named by QWEN_DESK_STAND_IN_RECORD; `app.exit` ends the process like Electron's.
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
const app = {
  isPackaged: false,
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
    events.emit('before-quit');
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
  send(channel) {
    record('webContents.send', channel);
  }
}

const windows = [];
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    record('new BrowserWindow', options);
    this.webContents = new WebContents();
    windows.push(this);
    events.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows;
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', url);
    return Promise.resolve();
  }
  show() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
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
  ipcMain: { handle: (channel) => record('ipcMain.handle', channel), removeHandler() {} },
  net: { fetch: () => Promise.reject(new Error('net.fetch is not part of the stand-in')) },
  shell: { openExternal: (url) => record('shell.openExternal', url) },
};
