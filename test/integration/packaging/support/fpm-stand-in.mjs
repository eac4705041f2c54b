#!/usr/bin/env node
// A stand-in for fpm that builds only .deb files, with Debian's dpkg-deb, so the offline packaging
// test can run electron-builder's own deb pipeline (file mappings, desktop entry, maintainer
// scripts, dependencies, update metadata) where fpm cannot be installed (it comes from rubygems;
// desktop-parts.md §1.4). It reads the arguments electron-builder 26.17.0 passes to fpm. Real
// releases use real fpm (the release workflow); this is test equipment, never a release tool.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WITH_VALUE = new Set([
  '-s',
  '-t',
  '-d',
  '--architecture',
  '--after-install',
  '--after-remove',
  '--description',
  '--version',
  '--package',
  '--name',
  '--maintainer',
  '--vendor',
  '--url',
  '--deb-priority',
  '--license',
  '--category',
  '--iteration',
  '--deb-compression',
  '--deb-recommends',
  '--deb-suggests',
  '--rpm-summary',
  '--depends',
]);

const options = new Map();
const mappings = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (WITH_VALUE.has(arg)) {
    const list = options.get(arg) ?? [];
    list.push(argv[++i]);
    options.set(arg, list);
  } else if (arg.startsWith('-')) {
    options.set(arg, [true]);
  } else {
    mappings.push(arg);
  }
}
const one = (name) => options.get(name)?.[0];
const all = (name) => options.get(name) ?? [];

if (one('-t') !== 'deb') {
  console.error(`This fpm stand-in builds only deb packages, not ${one('-t')}.`);
  process.exit(1);
}

const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'fpm-stand-in-'));
try {
  for (const mapping of mappings) {
    const at = mapping.lastIndexOf('=');
    const [source, target] = [mapping.slice(0, at), mapping.slice(at + 1)];
    const destination = path.join(staging, target);
    fs.mkdirSync(source.endsWith('/') ? destination : path.dirname(destination), { recursive: true });
    fs.cpSync(source, destination, { recursive: true, verbatimSymlinks: true });
  }
  const debian = path.join(staging, 'DEBIAN');
  fs.mkdirSync(debian);
  for (const [flag, script] of [
    ['--after-install', 'postinst'],
    ['--after-remove', 'postrm'],
  ]) {
    if (one(flag)) fs.copyFileSync(one(flag), path.join(debian, script));
    if (one(flag)) fs.chmodSync(path.join(debian, script), 0o755);
  }
  const [summary, ...rest] = (one('--description') ?? '').split('\n');
  const longDescription = rest.map((line) => (line.trim() === '' ? ' .' : ` ${line.trim()}`)).join('\n');
  const version = one('--iteration') ? `${one('--version')}-${one('--iteration')}` : one('--version');
  const fields = [
    ['Package', one('--name')],
    ['Version', version],
    ['License', one('--license')],
    ['Vendor', one('--vendor')],
    ['Architecture', one('--architecture')],
    ['Maintainer', one('--maintainer')],
    ['Installed-Size', String(Math.ceil(du(staging) / 1024))],
    ['Depends', all('-d').join(', ')],
    ['Recommends', all('--deb-recommends').join(', ')],
    ['Section', one('--category') ?? 'default'],
    ['Priority', one('--deb-priority') ?? 'optional'],
    ['Homepage', one('--url')],
    ['Description', summary.trim() + (longDescription ? `\n${longDescription}` : '')],
  ].filter(([, value]) => value);
  fs.writeFileSync(path.join(debian, 'control'), fields.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');
  // Uncompressed (whatever --deb-compression asks): the test checks the package's metadata and
  // layout, not its compression, and xz would cost most of the test's time.
  execFileSync('dpkg-deb', ['--root-owner-group', '-Znone', '--build', staging, one('--package')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}

function du(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? du(full) : fs.lstatSync(full).size;
  }
  return total;
}
