/**
 * The lint step's Electronegativity gate (scripts/electronegativity.mjs) finds what it should: an
 * insecure window is a medium-or-above finding, a suppression with a reason hides its finding, and
 * a suppression without one is reported. Runs the real scanner on a small folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../../scripts/electronegativity.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-eng-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the Electronegativity gate', () => {
  it('flags an insecure window, honours a reasoned suppression, reports an unreasoned one', async () => {
    fs.writeFileSync(
      path.join(dir, 'insecure.js'),
      [
        "const { BrowserWindow, shell } = require('electron');",
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        'function a(url) { shell.openExternal(url); } // eng-disable OPEN_EXTERNAL_JS_CHECK -- checked by the caller',
        'function b(url) { shell.openExternal(url); } // eng-disable OPEN_EXTERNAL_JS_CHECK',
        'module.exports = { a, b };',
      ].join('\n'),
    );
    const r = await scan(dir);
    const ids = r.medium.map((f) => `${f.id}:${f.location.line}`);
    expect(ids).toContain('SANDBOX_JS_CHECK:2');
    expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK:2');
    // Line 3 is suppressed with a reason; line 4 too, but without one, which the gate refuses.
    expect(ids.filter((id) => id.startsWith('OPEN_EXTERNAL_JS_CHECK'))).toEqual([]);
    expect(r.suppressions.map((s) => [s.checks, s.reason])).toEqual([
      ['OPEN_EXTERNAL_JS_CHECK', 'checked by the caller'],
      ['OPEN_EXTERNAL_JS_CHECK', ''],
    ]);
    expect(r.unexplained).toHaveLength(1);
    expect(r.files).toBe(1);
    console.log(`Electronegativity on the planted file: ${r.medium.length} findings of medium or above.`);
  }, 60_000);
});
