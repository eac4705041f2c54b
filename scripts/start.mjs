#!/usr/bin/env node
// `npm start`: the Electron app; where the Electron binary is not installed (and cannot be
// downloaded), browser mode instead. `--browser` goes straight to browser mode.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { electronBinary, electronPackageDir } from './electron-binary.mjs';
import { rebuildNativeModulesForElectron } from './native-modules.mjs';

const forceBrowser = process.argv.includes('--browser');

function startBrowserMode() {
  const child = spawn(process.execPath, ['scripts/node-run.mjs', 'dist/electron/browser-host.mjs'], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * The electron package downloads its binary on first use; try that once. The notice shows only if
 * the download takes a while, so a machine that cannot reach the download host prints one line.
 */
async function tryDownloadElectron() {
  const dir = electronPackageDir();
  if (!dir || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  const child = spawn(process.execPath, [path.join(dir, 'install.js')], {
    stdio: 'ignore',
    timeout: 10 * 60_000,
  });
  const notice = setTimeout(() => console.log('Downloading Electron (first start only)…'), 1500);
  await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(notice);
  return electronBinary();
}

if (forceBrowser) {
  startBrowserMode();
} else {
  const binary = electronBinary() ?? (await tryDownloadElectron());
  // Native modules are built for Electron once it is there (README, "Native modules"); a no-op after.
  if (binary) await rebuildNativeModulesForElectron();
  if (!binary) {
    console.log('The Electron binary is not installed on this machine, so Qwen Desk starts in browser mode.');
    startBrowserMode();
  } else {
    // Chromium refuses to run as root with its OS sandbox; the renderer sandbox stays on either way.
    const args = ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
    const child = spawn(binary, args, {
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '' },
    });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
