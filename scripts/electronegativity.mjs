#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security scanner) over electron/, renderer/ and the built
// bundles, as part of the lint step. Fails on any finding of medium severity or above that is not
// suppressed at its spot with `/* eng-disable CHECK_NAME */` and a one-line reason.
// Its CLI cannot start here (its `commander` is not the version it was written for, once hoisted),
// so this calls its programmatic runner on a temporary copy: electron/ and renderer/ as they are
// (line numbers kept), and dist/electron's .cjs/.mjs bundles renamed .js, which it otherwise skips.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildElectronSide } from './electron-bundles.mjs';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const { list_files: listFiles } = require('@doyensec/electronegativity/dist/util/index.js');
// The bundles' source maps lead a finding in dist/ back to its line in electron/ (esbuild drops
// comments, so a suppression is written once, in the source, and honoured in the bundle too).
const { TraceMap, originalPositionFor } = require('@jridgewell/trace-mapping');

// `/* eng-disable CHECK_A CHECK_B -- why */` or `// eng-disable CHECK -- why`, as Electronegativity reads them.
const SUPPRESSION = /(?:\/\*|\/\/)[ \t]*eng-disable[ \t]+([\w \t]+?)[ \t]*(?:--[ \t]*(.*?))?[ \t]*(?:\*\/|$)/;

const root = process.cwd();
const copy = (from, to) =>
  fs.cpSync(from, to, { recursive: true, filter: (f) => !f.includes('node_modules') });

/**
 * Scans one folder: Electronegativity's findings minus those suppressed at their source line, the
 * suppressions (with their reasons) and the files it could not parse. Exported for its test.
 */
export async function scan(work) {
  const files = await listFiles(work);
  const result = await run({
    input: work,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    isVerbose: true,
    electronUpgrade: undefined,
    electronVersionOverride: undefined,
    parserPlugins: [],
  });
  const suppressions = listSuppressions(work, files);
  const open = result.issues.filter((issue) => !suppressedInSource(issue));
  return {
    files: files.length,
    checks: result.atomicChecks + result.globalChecks,
    open,
    medium: open.filter((issue) => issue.severity.value >= 2),
    suppressions,
    unexplained: suppressions.filter((s) => !s.reason),
    errors: result.errors,
  };
}

/** The lint step: a copy of electron/, renderer/, the built page and bundles, scanned and reported. */
async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-electronegativity-'));
  try {
    copy('electron', path.join(work, 'electron'));
    copy('renderer', path.join(work, 'renderer'));
    // package.json tells it the Electron version (for its outdated-Electron and version-dependent checks).
    fs.copyFileSync('package.json', path.join(work, 'package.json'));
    // The bundles as the sources now are (esbuild, about a second), so no stale build is scanned.
    await buildElectronSide();
    const bundles = path.join('dist', 'electron');
    fs.mkdirSync(path.join(work, 'dist-electron'));
    for (const name of fs.readdirSync(bundles).filter((n) => /\.(cjs|mjs)$/.test(n))) {
      fs.copyFileSync(
        path.join(bundles, name),
        path.join(work, 'dist-electron', name.replace(/\.(cjs|mjs)$/, '.js')),
      );
    }
    // The renderer's page (its CSP); its minified script is scanned as source under renderer/ instead
    // (the scanner's AST walker cannot read the bundle's private class fields).
    const page = path.join('dist', 'renderer', 'index.html');
    if (fs.existsSync(page)) fs.copyFileSync(page, path.join(work, 'renderer-index.html'));

    const r = await scan(work);
    for (const issue of r.open) {
      const at = `${issue.file}:${issue.location.line}:${issue.location.column}`;
      console.log(`${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${at}`);
    }
    for (const s of r.suppressions)
      console.log(`suppressed    ${s.checks}  ${s.at}  (${s.reason || 'NO REASON GIVEN'})`);
    for (const error of r.errors) console.log(`could not parse ${error.file}: ${error.message}`);
    console.log(
      `Electronegativity: ${r.files} files scanned, ${r.checks} checks, ` +
        `${r.medium.length} findings of medium or above, ${r.open.length - r.medium.length} below medium, ` +
        `${r.suppressions.length} suppressed with a reason at the spot.`,
    );
    if (r.unexplained.length > 0) console.log('Every eng-disable needs a reason after "--".');
    if (r.errors.length > 0) console.log('Files it could not parse were not checked.');
    process.exitCode = r.medium.length > 0 || r.unexplained.length > 0 || r.errors.length > 0 ? 1 : 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();

/** Every eng-disable comment in the scanned sources, with its reason (the text after "--"). */
function listSuppressions(work, scanned) {
  const found = [];
  for (const file of scanned) {
    const relative = path.relative(work, file);
    if (relative.startsWith('dist-')) continue;
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = SUPPRESSION.exec(line);
        if (m) found.push({ checks: m[1].trim(), reason: (m[2] ?? '').trim(), at: `${relative}:${i + 1}` });
      });
  }
  return found;
}

/** A bundle finding whose source line (through the source map) carries an eng-disable for its check. */
function suppressedInSource(issue) {
  const m = /^dist-electron\/(.+)\.js$/.exec(issue.file);
  if (!m) return false;
  const bundle = fs
    .readdirSync(path.join(root, 'dist', 'electron'))
    .find((n) => n.startsWith(`${m[1]}.`) && /\.(cjs|mjs)$/.test(n));
  const mapFile = bundle && path.join(root, 'dist', 'electron', `${bundle}.map`);
  if (!mapFile || !fs.existsSync(mapFile)) return false;
  const map = new TraceMap(fs.readFileSync(mapFile, 'utf8'));
  const original = originalPositionFor(map, { line: issue.location.line, column: issue.location.column });
  if (!original.source || !original.line) return false;
  const sourceFile = path.resolve(path.dirname(mapFile), original.source);
  const line = fs.readFileSync(sourceFile, 'utf8').split('\n')[original.line - 1] ?? '';
  const s = SUPPRESSION.exec(line);
  if (!s) return false;
  issue.file = `${issue.file} (${path.relative(root, sourceFile)}:${original.line})`;
  return s[1].split(/[ \t,]+/).some((check) => check.toUpperCase() === issue.id.toUpperCase());
}
