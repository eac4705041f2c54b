import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppUrl } from '../../../electron/windows/app-url';

const root = path.resolve('/srv/renderer');
const resolve = (url: string) => resolveAppUrl(url, root);

describe('resolveAppUrl (app:// → a file of the renderer)', () => {
  it('maps the root to index.html and paths to files under the folder', () => {
    expect(resolve('app://qwen-desk/')).toEqual({ kind: 'file', file: path.join(root, 'index.html') });
    expect(resolve('app://qwen-desk/assets/app.js?v=1#x')).toEqual({
      kind: 'file',
      file: path.join(root, 'assets', 'app.js'),
    });
    expect(resolve('app://qwen-desk/fonts/a%20b.woff2')).toEqual({
      kind: 'file',
      file: path.join(root, 'fonts', 'a b.woff2'),
    });
  });

  it('answers not-found for a malformed % escape instead of throwing', () => {
    for (const url of [
      'app://qwen-desk/%',
      'app://qwen-desk/%zz',
      'app://qwen-desk/assets/%E0%A4%A',
      'app://qwen-desk/%C0%AF',
      'app://qwen-desk/%ED%A0%80',
    ]) {
      expect(() => resolve(url), url).not.toThrow();
      expect(resolve(url), url).toEqual({ kind: 'not-found' });
    }
  });

  it('answers not-found for other hosts, schemes, unparsable URLs, NULs and escapes from the folder', () => {
    for (const url of [
      'app://evil/index.html',
      'file:///srv/renderer/index.html',
      'not a url',
      '',
      'app://qwen-desk/index.html%00.js',
      'app://qwen-desk/%2e%2e/%2e%2e/etc/passwd',
      'app://qwen-desk/..%2f..%2fetc%2fpasswd',
      'app://qwen-desk/assets/..%5c..%5c..%5csecret',
    ]) {
      const target = resolve(url);
      if (target.kind === 'file') expect(target.file.startsWith(root + path.sep), url).toBe(true);
      else expect(target, url).toEqual({ kind: 'not-found' });
    }
    expect(resolve('app://qwen-desk/..%2f..%2fetc%2fpasswd')).toEqual({ kind: 'not-found' });
    expect(resolve('app://evil/index.html')).toEqual({ kind: 'not-found' });
  });
});
