#!/usr/bin/env node
// `npm run dist` (the installers for this OS) and `npm run dist:dir` (the unpacked app only):
// builds the app, then runs electron-builder with the configuration in package.json ("build").
// Extra arguments go to electron-builder (e.g. `npm run dist -- --linux deb --arm64`).
//  - Says in one line whether the build is signed, and turns off macOS identity discovery when it
//    is not, so an unsigned build is unsigned on purpose rather than signed with whatever is found.
//  - Where no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD, this project's offline
//    machines), `--dir` packs a stand-in Electron with the native modules as they are (built for
//    Node): a check of the package's layout, not an app that runs (README, "Build installers").
//  - Linux packages install to /opt/qwen-desk: no space in the path (Electron on Debian dislikes
//    one), while the menu entry and the window keep the name "Qwen Desk".
//  - Prints the sizes of app.asar and app.asar.unpacked against the budget.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { notarizeCredentials } from './packaging/after-sign.mjs';
import { describeSizes, packageSizes } from './packaging/package-sizes.mjs';
import { makeStandInElectronDist } from './packaging/stand-in-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PLATFORM_FLAGS = {
  '--linux': 'linux',
  '-l': 'linux',
  '--mac': 'mac',
  '-m': 'mac',
  '--win': 'win',
  '-w': 'win',
};
const HOST = { linux: 'linux', darwin: 'mac', win32: 'win' }[process.platform] ?? 'linux';

/** electron-builder's arguments and environment for `args` (this script's own arguments). */
export function builderInvocation(args, env = process.env, { hasElectron = electronBinary() !== null } = {}) {
  const platforms = new Set(args.filter((a) => a in PLATFORM_FLAGS).map((a) => PLATFORM_FLAGS[a]));
  if (platforms.size === 0) platforms.add(HOST);
  const builderArgs = [...args];
  const builderEnv = { ...env };
  const notes = [];
  if (!args.some((a) => a.startsWith('--publish') || a === '-p')) builderArgs.push('--publish', 'never');
  if (platforms.has('linux')) builderArgs.push('-c.productName=qwen-desk');

  const wantsDir = args.includes('--dir') || args.includes('dir');
  if (!hasElectron && !args.some((a) => a.startsWith('-c.electronDist'))) {
    if (!wantsDir) {
      notes.push('No Electron binary here: electron-builder will download Electron (this needs internet).');
    } else {
      const standIn = makeStandInElectronDist(path.join(root, 'release', '.stand-in-electron'));
      // The default rebuild needs Electron's headers from the internet, and offline it deletes
      // better-sqlite3's build on its way to failing (desktop-parts.md §1, trap 1).
      builderArgs.push(`-c.electronDist=${standIn}`, '-c.npmRebuild=false');
      notes.push(
        'No Electron binary here: packing a stand-in Electron and Node-built native modules (checks the layout; it cannot run).',
      );
    }
  }
  for (const platform of platforms) notes.push(signingNote(platform, builderEnv));
  return { args: builderArgs, env: builderEnv, notes };
}

/** One line per platform saying how it is signed; unsigned macOS builds skip identity discovery. */
function signingNote(platform, env) {
  if (platform === 'linux') return 'Linux: packages are not signed (latest-linux.yml carries their SHA-512).';
  if (platform === 'mac') {
    if (env.CSC_LINK || env.CSC_NAME) {
      const notarized = notarizeCredentials(env) !== null;
      return `macOS: signed with CSC_LINK${notarized ? ', notarized' : ', not notarized (no Apple credentials)'}.`;
    }
    env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
    return 'macOS: unsigned build (set CSC_LINK and CSC_KEY_PASSWORD to sign, APPLE_* to notarize).';
  }
  if (env.WIN_CSC_LINK || env.CSC_LINK) return 'Windows: signed with WIN_CSC_LINK / CSC_LINK.';
  return 'Windows: unsigned build (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign); SmartScreen will warn.';
}

/** Every app.asar under the output folder, with its sizes. */
function printSizes(outputDir) {
  const found = [];
  const walk = (dir, depth) => {
    if (depth > 5 || !fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.name === 'app.asar') found.push(dir);
      else if (entry.isDirectory() && !entry.name.endsWith('.asar.unpacked') && entry.name !== 'node_modules')
        walk(full, depth + 1);
    }
  };
  walk(outputDir, 0);
  for (const resources of found)
    console.log(`${path.relative(root, resources)}: ${describeSizes(packageSizes(resources))}`);
}

function outputDirOf(args) {
  const flag = args.find((a) => a.startsWith('-c.directories.output='));
  return flag ? path.resolve(flag.split('=')[1]) : path.join(root, 'release');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.chdir(root);
  const own = process.argv.slice(2);
  const skipBuild = own.includes('--no-build');
  const passed = own.filter((a) => a !== '--no-build');
  const invocation = builderInvocation(passed);
  for (const note of invocation.notes) console.log(note);
  if (!skipBuild) {
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const run = spawnSync(process.execPath, [cli, ...invocation.args], {
    stdio: 'inherit',
    env: invocation.env,
  });
  if (run.status === 0) printSizes(outputDirOf(passed));
  process.exit(run.status ?? 1);
}
