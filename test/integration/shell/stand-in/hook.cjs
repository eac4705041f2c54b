// Preloaded with `node --require`: resolves `electron` to the recording stand-in beside this file.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: loaded by node --require before the bundle. */
const Module = require('node:module');
const path = require('node:path');

const standIn = path.join(__dirname, 'electron.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? standIn : resolve.call(this, request, ...rest);
};
