#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.ts in turn (on the same runtime as the tests) and
// lets each print its figures. Benchmarks measure; they do not pass or fail on timings.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const only = process.argv[2];
const files = fs
  .readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
let failed = false;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, ['scripts/node-run.mjs', path.join('test/bench', file)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
