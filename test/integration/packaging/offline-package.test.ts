/**
 * Issue 12, item 8: the offline packaging test. Builds `--linux dir deb` exactly as
 * `npm run dist:dir` does (with the stand-ins this machine needs), then checks what a user's
 * package would hold: the packed files against an allow-list, exactly the `.node` files unpacked,
 * every module main.cjs requires loadable from the packed tree, the fuses, the sizes against the
 * budget, the deb's metadata and desktop entry, and the update metadata served from a loopback
 * feed. It never runs the package: it carries a stand-in Electron.
 */
import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, describeSizes, packageSizes } from '../../../scripts/packaging/package-sizes.mjs';
import { hasDpkgDeb, packApp, yamlScalars, type PackedApp } from './support/packed-app';

/** The packages the main process needs, and their dependencies: nothing else may be packed. */
const PACKED_MODULES = [
  'argparse',
  'better-sqlite3',
  'bindings',
  'builder-util-runtime',
  'debug',
  'electron-updater',
  'file-uri-to-path',
  'fs-extra',
  'graceful-fs',
  'js-yaml',
  'jsonfile',
  'keytar',
  'lazy-val',
  'lodash.escaperegexp',
  'lodash.isequal',
  'ms',
  'openai',
  'sax',
  'semver',
  'tiny-typed-emitter',
  'undici',
  'universalify',
  'zod',
];
const ALLOWED = [
  /^\/package\.json$/,
  /^\/dist(\/electron(\/(main|preload)\.cjs)?)?$/,
  /^\/dist\/renderer(\/[^/]+)*$/,
  new RegExp(`^/node_modules(/(${PACKED_MODULES.map((m) => m.replace('.', '\\.')).join('|')})(/[^/]+)*)?$`),
];
/** Sources, build leftovers, maps and type definitions: never in the package. */
const FORBIDDEN =
  /(\.(map|ts|mts|cts|c|cc|cpp|h|gyp|gypi|mk|o|a)$)|\/(deps|obj|obj\.target|test|tests|node_gyp_bins)\/|\/(better-sqlite3|keytar|openai|zod)\/src\//;
const NATIVE_MODULES = [
  'better-sqlite3/build/Release/better_sqlite3.node',
  'keytar/build/Release/keytar.node',
];

let app: PackedApp;
let files: string[];
let extracted: string;

// The package checked is a Linux one; on macOS and Windows, release.yml builds the real installers.
const onLinux = process.platform === 'linux';
if (!onLinux)
  console.warn('Offline packaging test skipped: it builds `--linux dir deb` and runs on Linux only.');

describe.runIf(onLinux)('the offline package (linux dir, stand-in Electron)', () => {
  beforeAll(async () => {
    app = await packApp();
    files = asar.listPackage(path.join(app.resourcesDir, 'app.asar'), { isPack: false });
    // The packed tree, with the unpacked .node files back in place (removed with the build).
    extracted = path.join(path.dirname(app.outDir), 'extracted');
    asar.extractAll(path.join(app.resourcesDir, 'app.asar'), extracted);
  }, 180_000);
  afterAll(() => app?.close());

  it('packs only allow-listed files: the built main side, the renderer, the main process’s modules', () => {
    const unexpected = files.filter((f) => !ALLOWED.some((pattern) => pattern.test(f)));
    expect(unexpected).toEqual([]);
    expect(files.filter((f) => FORBIDDEN.test(f))).toEqual([]);
    expect(files).toContain('/dist/electron/main.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    // Browser mode is never packed; neither are the renderer's libraries (Vite bundled them).
    expect(files.some((f) => /browser-host|\/(react|react-dom|ws|katex|marked|zustand)\//.test(f))).toBe(
      false,
    );
  });

  it('unpacks exactly the .node files, and nothing of the native modules’ sources', () => {
    const unpacked = listTree(path.join(app.resourcesDir, 'app.asar.unpacked'));
    const present = NATIVE_MODULES.filter((m) => fs.existsSync(path.join('node_modules', m)));
    expect(present).toContain(NATIVE_MODULES[0]); // better-sqlite3 is not optional
    expect(unpacked.sort()).toEqual(present.map((m) => `node_modules/${m}`).sort());
  });

  it('loads every module main.cjs requires from inside the packed tree', async () => {
    const main = fs.readFileSync(path.join(extracted, 'dist/electron/main.cjs'), 'utf8');
    const required = [
      ...new Set(
        [...main.matchAll(/(?:require|import)\("([^"]+)"\)/g)]
          .map((m) => m[1]!)
          .filter((id) => !id.startsWith('node:') && !id.startsWith('.') && id !== 'electron'),
      ),
    ];
    expect(required).toEqual(expect.arrayContaining(['better-sqlite3', 'openai', 'zod', 'electron-updater']));
    const loaded = JSON.parse(
      await inPackedTree(`
        const out = {};
        for (const id of ${JSON.stringify(required)}) {
          out[id] = req.resolve(id);
          req(id);
        }
        const Database = req('better-sqlite3');
        out.sqlite = new Database(':memory:').prepare('select sqlite_version() as v').get().v;
        return out;`),
    ) as Record<string, string>;
    for (const id of required) expect(loaded[id]?.startsWith(extracted)).toBe(true);
    expect(loaded.sqlite).toMatch(/^3\.\d+/);
  });

  it('packs a package.json that names the entry and the desktop file, without scripts or dev dependencies', () => {
    const packed = JSON.parse(
      asar.extractFile(path.join(app.resourcesDir, 'app.asar'), 'package.json').toString(),
    ) as Record<string, unknown>;
    expect(packed.main).toBe('dist/electron/main.cjs');
    expect(packed.productName).toBe('Qwen Desk');
    expect(packed.desktopName).toBe('qwen-desk.desktop');
    expect(packed.devDependencies).toBeUndefined();
    expect(packed.scripts).toBeUndefined();
  });

  it('flips the fuses in afterPack: no Node mode, no NODE_OPTIONS or inspector, app only from an integrity-checked asar', async () => {
    const wire = await getCurrentFuseWire(path.join(app.unpackedDir, 'qwen-desk'));
    const on = 49;
    const off = 48;
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
  });

  it('stays within the size budget', () => {
    const sizes = packageSizes(app.resourcesDir);
    console.log(`Offline package: ${describeSizes(sizes)}`);
    expect(sizes.asarBytes).toBeLessThanOrEqual(BUDGET.asarBytes);
    expect(sizes.unpackedBytes).toBeLessThanOrEqual(BUDGET.unpackedBytes);
    expect(app.log).toContain('app.asar.unpacked'); // dist.mjs printed them too
  });

  it('ships the tray icons beside the asar, in resources/tray (for the tray and the quick-ask window)', () => {
    expect(fs.readdirSync(path.join(app.resourcesDir, 'tray')).sort()).toEqual(
      fs.readdirSync('build/tray').sort(),
    );
  });

  it('writes app-update.yml for the feed, and latest-linux.yml that matches the artifact the feed serves', async () => {
    const appUpdate = yamlScalars(fs.readFileSync(path.join(app.resourcesDir, 'app-update.yml'), 'utf8'));
    expect(appUpdate).toMatchObject({
      provider: 'generic',
      url: app.feedUrl,
      updaterCacheDirName: 'qwen-desk-updater',
    });
    if (!app.debFile) return expect(hasDpkgDeb()).toBe(false); // latest-linux.yml comes with the deb here
    const latestResponse = await fetch(`${appUpdate.url}/latest-linux.yml`);
    expect(latestResponse.status).toBe(200);
    const latest = yamlScalars(await latestResponse.text());
    const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
    expect(latest.version).toBe(version);
    expect(latest.path).toBe(path.basename(app.debFile));
    const artifact = Buffer.from(await (await fetch(`${appUpdate.url}/${latest.path}`)).arrayBuffer());
    expect(createHash('sha512').update(artifact).digest('base64')).toBe(latest.sha512);
  });

  it('lets the packed electron-updater find a newer version on the feed that app-update.yml names', async () => {
    if (!app.debFile) return expect(hasDpkgDeb()).toBe(false);
    // electron-updater as packed, reading the packed app-update.yml, over plain Node HTTP (its
    // Electron transport needs Electron), for an app one version older than the build.
    const check = (version: string) =>
      inPackedTree(`
        const { DebUpdater } = req('electron-updater');
        const { NodeHttpExecutor } = require(${JSON.stringify(path.resolve('node_modules/builder-util/out/nodeHttpExecutor.js'))});
        const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'qwen-desk-updater-'));
        const updater = new DebUpdater(undefined, {
          version: ${JSON.stringify(version)}, name: 'qwen-desk', isPackaged: true,
          appUpdateConfigPath: ${JSON.stringify(path.join(app.resourcesDir, 'app-update.yml'))},
          userDataPath: dir, baseCachePath: dir,
          whenReady: async () => undefined, relaunch() {}, quit() {}, onQuit() {},
        });
        updater.httpExecutor = new NodeHttpExecutor();
        updater.autoDownload = false;
        updater.logger = null;
        const result = await updater.checkForUpdates();
        require('node:fs').rmSync(dir, { recursive: true, force: true });
        return { available: result.isUpdateAvailable, version: result.updateInfo.version, path: result.updateInfo.path };`);
    const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version as string;
    expect(JSON.parse(await check('0.0.1'))).toEqual({
      available: true,
      version,
      path: path.basename(app.debFile),
    });
    expect(JSON.parse(await check(version)).available).toBe(false);
  });

  describe.runIf(hasDpkgDeb())('the deb (electron-builder’s pipeline, fpm stand-in)', () => {
    const dpkg = (...args: string[]) =>
      execFileSync('dpkg-deb', args, { encoding: 'utf8', maxBuffer: 64 << 20 });

    it('is named with version and arch, and declares its maintainer, homepage and dependencies (libsecret for the keychain)', () => {
      expect(path.basename(app.debFile!)).toMatch(/^qwen-desk-\d+\.\d+\.\d+-linux-amd64\.deb$/);
      const field = (name: string) => dpkg('-f', app.debFile!, name).trim();
      expect(field('Package')).toBe('qwen-desk');
      expect(field('Maintainer')).toMatch(/^.+ <.+@.+>$/);
      expect(field('Homepage')).toMatch(/^https:\/\//);
      expect(field('Depends').split(/,\s*/)).toEqual(
        expect.arrayContaining(['libsecret-1-0', 'libnss3', 'libgtk-3-0']),
      );
    });

    it('installs under /opt/qwen-desk (no space in the path) with the icons, and marks itself a deb for the updater', () => {
      const paths = dpkg('-c', app.debFile!)
        .split('\n')
        .map((line) => line.split(/\s+/).slice(5).join(' '))
        .filter(Boolean);
      expect(paths).toContain('./opt/qwen-desk/qwen-desk');
      expect(paths.some((p) => p.includes(' '))).toBe(false);
      expect(paths).toContain('./usr/share/icons/hicolor/512x512/apps/qwen-desk.png');
      expect(paths).toContain('./usr/share/icons/hicolor/16x16/apps/qwen-desk.png');
      expect(fs.readFileSync(path.join(app.resourcesDir, 'package-type'), 'utf8')).toBe('deb');
    });

    it('has a desktop entry whose name, WM class and protocol match the app', () => {
      const entry = execFileSync(
        'sh',
        [
          '-c',
          `dpkg-deb --fsys-tarfile "$0" | tar -xO ./usr/share/applications/qwen-desk.desktop`,
          app.debFile!,
        ],
        { encoding: 'utf8' },
      );
      const desktopName = JSON.parse(fs.readFileSync('package.json', 'utf8')).desktopName.replace(
        /\.desktop$/,
        '',
      );
      expect(entry).toMatch(/^Name=Qwen Desk$/m);
      expect(entry).toMatch(new RegExp(`^StartupWMClass=${desktopName}$`, 'm'));
      expect(entry).toMatch(/^Exec=\/opt\/qwen-desk\/qwen-desk %U$/m);
      expect(entry).toMatch(/^MimeType=.*x-scheme-handler\/qwen-desk;/m);
      expect(entry).toMatch(/^Categories=Network;/m);
      expect(entry).toMatch(/^Icon=qwen-desk$/m);
    });
  });
});

function listTree(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listTree(path.join(dir, entry.name), rel) : [rel];
  });
}

/**
 * Runs `body` (an async function body) in a child process on this runtime (the native modules are
 * built for it), with `req` requiring from the extracted package's dist/electron/main.cjs and
 * `electron` answered by an empty object; resolves with what it returns, as JSON. Asynchronous, so
 * the feed server in this process can answer the child.
 */
function inPackedTree(body: string): Promise<string> {
  const script = `
    const Module = require('node:module');
    const load = Module._load;
    Module._load = function (request, ...rest) { return request === 'electron' ? {} : load.call(this, request, ...rest); };
    const req = Module.createRequire(${JSON.stringify(path.join(extracted, 'dist/electron/main.cjs'))});
    (async () => { ${body} })().then(
      (value) => process.stdout.write(JSON.stringify(value)),
      (err) => { console.error(err); process.exit(1); },
    );`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['-e', script], { cwd: os.tmpdir() }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
}
