/**
 * The electron-builder configuration in package.json (issue 12, items 1–3, 5) and what
 * `npm run dist` passes to it (scripts/dist.mjs): identity, targets, signing, the lean package.
 * The offline packaging test (test/integration/packaging/) checks what this configuration builds.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builderInvocation } from '../../scripts/dist.mjs';

type Target = { target: string; arch: string[] };
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const build = pkg.build;
const targets = (list: Target[]) => Object.fromEntries(list.map((t) => [t.target, t.arch]));

describe('packaging configuration', () => {
  it('packs the Electron entry points and the renderer, and never browser mode or source maps', () => {
    expect(build.productName).toBe('Qwen Desk');
    expect(build.files).toContain(pkg.main);
    expect(build.files).toContain('dist/electron/preload.cjs');
    expect(build.files).toContain('!dist/renderer/**/*.map');
    expect(build.files.some((f: string) => f.includes('browser-host') || f === 'dist/electron/**/*')).toBe(
      false,
    );
    expect(build.asar).toEqual({ smartUnpack: false });
    expect(build.asarUnpack).toEqual(['**/*.node']);
  });

  it('pins Electron to a supported major and electron-builder exactly', () => {
    expect(pkg.devDependencies.electron).toMatch(/^45\.\d+\.\d+$/);
    expect(pkg.devDependencies['electron-builder']).toBe('26.17.0');
    expect(pkg.dependencies['electron-updater']).toBeDefined();
  });

  it('keeps what Vite bundles into the renderer (and browser mode’s ws) out of the packed dependencies', () => {
    for (const name of ['react', 'react-dom', 'zustand', 'marked', 'katex', 'highlight.js', 'ws']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
  });

  it('gives the app one identity: id, Linux names without spaces, the window class, the protocol', () => {
    expect(build.appId).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
    expect(build.linux.executableName).toBe('qwen-desk');
    expect(pkg.desktopName).toBe('qwen-desk.desktop');
    expect(build.linux.syncDesktopName).toBe(true);
    expect(build.protocols).toEqual([{ name: 'Qwen Desk', schemes: ['qwen-desk'] }]);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author.email).toMatch(/@/);
    expect(build.linux.maintainer).toMatch(/<.+@.+>/);
    expect(build.deb.depends).toContain('libsecret-1-0');
    expect(build.rpm.depends).toContain('libsecret');
    expect(build.artifactName).toContain('${version}');
    expect(build.artifactName).toContain('${arch}');
  });

  it('builds every installer the issue lists, for x64 and arm64', () => {
    expect(targets(build.linux.target)).toEqual({
      AppImage: ['x64', 'arm64'],
      deb: ['x64', 'arm64'],
      rpm: ['x64', 'arm64'],
      'tar.gz': ['x64', 'arm64'],
    });
    expect(targets(build.mac.target)).toEqual({ dmg: ['arm64', 'x64'], zip: ['arm64', 'x64'] });
    expect(targets(build.win.target)).toEqual({ nsis: ['x64', 'arm64'] });
    expect(build.mac.hardenedRuntime).toBe(true);
    expect(build.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
    });
    expect(build.afterPack).toMatch(/after-pack/);
    expect(build.afterSign).toMatch(/after-sign/);
    expect(build.publish).toEqual([expect.objectContaining({ provider: 'github' })]);
  });
});

describe('npm run dist', () => {
  it('says in one line that a build without certificates is unsigned, and then signs nothing by chance', () => {
    const mac = builderInvocation(['--mac'], {}, { hasElectron: true });
    expect(mac.notes).toContain(
      'macOS: unsigned build (set CSC_LINK and CSC_KEY_PASSWORD to sign, APPLE_* to notarize).',
    );
    expect(mac.env.CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
    const win = builderInvocation(['--win'], { CSC_LINK: '' }, { hasElectron: true });
    expect(win.notes.join('\n')).toMatch(/^Windows: unsigned build/m);
    const signed = builderInvocation(
      ['--mac'],
      { CSC_LINK: 'cert.p12', APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 'x' },
      { hasElectron: true },
    );
    expect(signed.notes).toContain('macOS: signed with CSC_LINK, notarized.');
    expect(signed.env.CSC_IDENTITY_AUTO_DISCOVERY).toBeUndefined();
  });

  it('packs a stand-in Electron without rebuilding only for --dir where no Electron binary is installed', () => {
    const offline = builderInvocation(['--linux', 'dir'], {}, { hasElectron: false });
    expect(offline.args).toContain('-c.npmRebuild=false');
    expect(offline.args.some((a) => a.startsWith('-c.electronDist='))).toBe(true);
    const online = builderInvocation(['--linux'], {}, { hasElectron: true });
    expect(online.args.some((a) => a.includes('npmRebuild') || a.includes('electronDist'))).toBe(false);
    expect(online.args).toEqual(expect.arrayContaining(['--publish', 'never', '-c.productName=qwen-desk']));
    expect(builderInvocation(['--mac'], {}, { hasElectron: true }).args).not.toContain(
      '-c.productName=qwen-desk',
    );
  });
});
