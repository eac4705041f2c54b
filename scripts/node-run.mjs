#!/usr/bin/env node
// Runs a Node-side script (TypeScript via tsx, or JavaScript) on the runtime the native modules are
// built for: Electron's own Node (ELECTRON_RUN_AS_NODE) where the Electron binary is installed,
// plain Node otherwise. See README, "Native modules".
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/node-run.mjs <script> [args…]');
  process.exit(2);
}

const electron = process.env.QWEN_DESK_PLAIN_NODE ? null : electronBinary();
const tsxLoader = require.resolve('tsx');
const nodeArgs = script.endsWith('.ts') ? ['--import', tsxLoader, script, ...args] : [script, ...args];
const command = electron ?? process.execPath;
const env = electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env;

const child = spawn(command, nodeArgs, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
