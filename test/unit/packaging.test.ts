import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  main: string;
  build: { productName: string; files: string[] };
  devDependencies: Record<string, string>;
};

describe('packaging', () => {
  it('packs the Electron entry points and the renderer, and never browser mode', () => {
    expect(pkg.build.productName).toBe('Qwen Desk');
    expect(pkg.build.files).toContain(pkg.main);
    expect(pkg.build.files).toContain('dist/electron/preload.cjs');
    expect(pkg.build.files.some((f) => f.includes('browser-host') || f === 'dist/electron/**/*')).toBe(false);
  });

  it('pins Electron to an exact supported major', () => {
    expect(pkg.devDependencies.electron).toMatch(/^45\.\d+\.\d+$/);
  });
});
