// The Node-side bundles (esbuild), shared by `npm run build` and `npm run dev`.
import { build as esbuild } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };

export function buildElectronSide() {
  return Promise.all([
    // The Electron main process: dependencies stay in node_modules (electron-builder packs them).
    esbuild({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: 'dist/electron/main.cjs',
      format: 'cjs',
      packages: 'external',
    }),
    // The sandboxed preload may only require('electron'): everything else is bundled in.
    esbuild({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      format: 'cjs',
      platform: 'browser',
      external: ['electron'],
    }),
    // Browser mode's host (never packaged).
    esbuild({
      ...common,
      entryPoints: ['electron/browser-mode/main.ts'],
      outfile: 'dist/electron/browser-host.mjs',
      format: 'esm',
      packages: 'external',
    }),
  ]);
}
