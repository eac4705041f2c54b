import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../electron/browser-mode/static-files';

describe('readStaticFile', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-static-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<html>app</html>');
    fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'x');
    fs.writeFileSync(path.join(root, '.secret'), 'nope');
    fs.writeFileSync(path.join(os.tmpdir(), 'qd-outside.txt'), 'outside');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('serves files with their type, and the page for unknown routes', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toMatch(/text\/html/);
    expect((await readStaticFile(root, '/assets/a.js'))?.contentType).toMatch(/javascript/);
    expect((await readStaticFile(root, '/some/route'))?.body.toString()).toBe('<html>app</html>');
  });

  it('refuses traversal, hidden files, NUL bytes and missing assets', async () => {
    expect(await readStaticFile(root, '/../qd-outside.txt')).toBeNull();
    expect(await readStaticFile(root, '/%2e%2e/qd-outside.txt')).toBeNull();
    expect(await readStaticFile(root, '/.secret')).toBeNull();
    expect(await readStaticFile(root, '/a%00.js')).toBeNull();
    expect(await readStaticFile(root, '/%E0%A4%A')).toBeNull();
    expect(await readStaticFile(root, '/assets/missing.js')).toBeNull();
  });
});
