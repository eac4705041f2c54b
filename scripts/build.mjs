#!/usr/bin/env node
// Builds the renderer (Vite) and the Node side (esbuild): dist/renderer, dist/electron.
import { build as viteBuild } from 'vite';
import { buildElectronSide } from './electron-bundles.mjs';

const quiet = process.argv.includes('--quiet');
const started = Date.now();
await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });
await buildElectronSide();
if (!quiet)
  console.log(`Built dist/renderer and dist/electron in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
