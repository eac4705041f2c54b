/**
 * Issue 12, item 9: the release workflows pass actionlint, and the check is real: a workflow with
 * a mistake in it is refused with the line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkflows } from '../../../scripts/actionlint.mjs';

describe('actionlint over .github/workflows', () => {
  it('finds the CI and release workflows, with no problem', async () => {
    const { files, problems } = await lintWorkflows();
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
    expect(problems).toEqual([]);
  });

  it('refuses a workflow that uses a matrix key it does not define', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-actionlint-'));
    try {
      const broken = fs
        .readFileSync('.github/workflows/ci.yml', 'utf8')
        .replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.oss }}');
      fs.writeFileSync(path.join(dir, 'ci.yml'), broken);
      const { problems } = await lintWorkflows(dir);
      expect(problems.map((p) => p.message).join('\n')).toMatch(/oss/);
      expect(problems[0]?.line).toBeGreaterThan(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
