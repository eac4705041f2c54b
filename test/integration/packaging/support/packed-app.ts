/**
 * Builds the app the way `npm run dist:dir` does (scripts/dist.mjs), offline: `--linux dir deb`
 * with a stand-in Electron dist, `npmRebuild: false`, the fpm stand-in for the deb, and a generic
 * update feed on a loopback server, all into a temporary folder. What comes out carries a stand-in
 * Electron and Node-ABI native modules: its layout and metadata can be checked, it cannot run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { makeStandInElectronDist } from '../../../../scripts/packaging/stand-in-electron.mjs';

export interface PackedApp {
  outDir: string;
  unpackedDir: string;
  resourcesDir: string;
  debFile: string | null;
  feedUrl: string;
  log: string;
  close(): Promise<void>;
}

const FPM_STAND_IN = path.resolve('test/integration/packaging/support/fpm-stand-in.mjs');

export function hasDpkgDeb(): boolean {
  return process.platform === 'linux' && fs.existsSync('/usr/bin/dpkg-deb');
}

export async function packApp(): Promise<PackedApp> {
  if (!fs.existsSync('dist/electron/main.cjs') || !fs.existsSync('dist/renderer/index.html')) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-pack-'));
  const outDir = path.join(work, 'out');
  fs.mkdirSync(outDir);
  const standIn = makeStandInElectronDist(path.join(work, 'electron-dist'));

  // The update feed: the build's output folder, served on 127.0.0.1.
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/updates\//, '');
    const file = path.join(outDir, path.basename(name));
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': fs.statSync(file).size });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates`;

  // package.json's own configuration, with only the feed changed (publish is a list, so it cannot
  // be overridden from the command line).
  const config = JSON.parse(fs.readFileSync('package.json', 'utf8')).build;
  config.publish = [{ provider: 'generic', url: feedUrl }];
  const configFile = path.join(work, 'electron-builder.json');
  fs.writeFileSync(configFile, JSON.stringify(config));

  const deb = hasDpkgDeb();
  const args = [
    'scripts/dist.mjs',
    '--no-build',
    '--linux',
    'dir',
    ...(deb ? ['deb'] : []),
    '--config',
    configFile,
    `-c.directories.output=${outDir}`,
    `-c.electronDist=${standIn}`,
    '-c.npmRebuild=false',
  ];
  const log = await run(process.execPath, args, {
    ...process.env,
    CUSTOM_FPM_PATH: FPM_STAND_IN,
    // Keeps electron-builder's downloads (none are needed) and caches out of the user's home.
    ELECTRON_BUILDER_CACHE: path.join(work, 'cache'),
  });
  const unpackedDir = path.join(outDir, 'linux-unpacked');
  const debFile = deb ? (fs.readdirSync(outDir).find((f) => f.endsWith('.deb')) ?? null) : null;
  return {
    outDir,
    unpackedDir,
    resourcesDir: path.join(unpackedDir, 'resources'),
    debFile: debFile && path.join(outDir, debFile),
    feedUrl,
    log,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`dist.mjs exited with ${code}:\n${out.slice(-4000)}`)),
    );
  });
}

/** The top-level `key: value` scalars of a simple YAML file (app-update.yml, latest-linux.yml). */
export function yamlScalars(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z][\w-]*): (.+)$/.exec(line);
    if (m) out[m[1]!] = m[2]!.replace(/^'(.*)'$/, '$1');
  }
  return out;
}
