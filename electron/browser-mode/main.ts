/**
 * `npm run start:browser`: the same core in plain Node, with the renderer served to a browser.
 * Never part of a packaged app (electron-builder packs only main.cjs and preload.cjs).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { readEnvConfig } from '../core/config';
import { createAppCore } from '../core/default-core';
import { startBrowserHost, type BrowserHost } from './host';
import { ensurePrivateDir } from '../core/private-files';

async function main(): Promise<void> {
  const config = readEnvConfig();
  ensurePrivateDir(config.dataDir);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.QWEN_DESK_RENDERER_DIR ?? path.resolve(here, '../renderer');
  // In `npm run dev` the page comes from Vite's dev server, not from a build.
  if (!process.env.QWEN_DESK_DEV_ORIGIN && !fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir} has no index.html). Run "npm run build".`);
  }
  // Issue 12: About shows the version (from the project's package.json; there is no updater here).
  const core = createAppCore(config, process.env, { appVersion: projectVersion(here) });
  let host: BrowserHost | null = null;

  // Handlers go in before the address is printed: whoever reads that line may signal at once.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await core.dispose();
      await host?.close();
      console.error(`Qwen Desk stopped (${signal}).`);
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const devOrigin = process.env.QWEN_DESK_DEV_ORIGIN;
  host = await startBrowserHost({
    core,
    rendererDir,
    port: config.port,
    ...(devOrigin ? { devOrigin } : {}),
  });
  if (!stopping) console.log(`Qwen Desk is running at ${host.url}`);
}

function projectVersion(here: string): string | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.resolve(here, '../../package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

main().catch((err: unknown) => {
  console.error(`Qwen Desk could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
