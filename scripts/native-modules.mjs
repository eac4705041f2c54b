#!/usr/bin/env node
// Builds the native modules listed in package.json ("qwenDesk": { "nativeModules": [...] }) for
// Electron, where (and only where) the Electron binary is installed: there, every Node-side script
// runs on Electron's own Node (README, "Native modules"). Where it is not, it does nothing and the
// modules stay built for plain Node. A marker records what was built, so it runs once per
// Electron version. Used by `postinstall` and by scripts/start.mjs after it downloads Electron.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronPackageDir } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MARKER = path.join(root, 'node_modules', '.qwen-desk-native-modules.json');

export async function rebuildNativeModulesForElectron({ quiet = false } = {}) {
  if (!electronBinary()) return false;
  const modules =
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).qwenDesk?.nativeModules ?? [];
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(electronPackageDir(), 'package.json'), 'utf8'),
  ).version;
  const target = { electronVersion, arch: process.arch, platform: process.platform, modules };
  try {
    if (fs.readFileSync(MARKER, 'utf8') === JSON.stringify(target)) return false;
  } catch {
    // no marker yet
  }
  if (!quiet) console.log(`Building ${modules.join(', ')} for Electron ${electronVersion} (once)…`);
  const { rebuild } = require('@electron/rebuild');
  await rebuild({ buildPath: root, electronVersion, arch: process.arch, onlyModules: modules, force: true });
  fs.writeFileSync(MARKER, JSON.stringify(target));
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  rebuildNativeModulesForElectron().catch((err) => {
    console.error(
      `Could not build the native modules for Electron: ${err instanceof Error ? err.message : err}`,
    );
    process.exit(1);
  });
}
