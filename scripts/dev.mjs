#!/usr/bin/env node
// `npm run dev`: the Vite dev server (hot reload) + the app. With Electron: Electron loads the dev
// server. Without: browser mode's host runs the core and Vite proxies its bridge, so the page is
// served by Vite and still reaches the same core.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';
import { electronBinary } from './electron-binary.mjs';
import { buildElectronSide } from './electron-bundles.mjs';

const DEV_PORT = Number(process.env.QWEN_DESK_DEV_PORT ?? 5173);
const devOrigin = `http://127.0.0.1:${DEV_PORT}`;
await buildElectronSide();

const children = [];
const stopAll = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', () => (stopAll(), process.exit(0)));
process.on('SIGTERM', () => (stopAll(), process.exit(0)));

const electron = electronBinary();
if (electron) {
  const vite = await createServer({ configFile: 'vite.config.ts', server: { port: DEV_PORT } });
  await vite.listen();
  const args = ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const child = spawn(electron, args, {
    stdio: 'inherit',
    env: { ...process.env, QWEN_DESK_DEV_SERVER_URL: `${devOrigin}/` },
  });
  children.push(child);
  child.on('exit', () => (void vite.close(), process.exit(0)));
} else {
  console.log('The Electron binary is not installed on this machine, so the dev app runs in browser mode.');
  const host = spawn(process.execPath, ['scripts/node-run.mjs', 'dist/electron/browser-host.mjs'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, QWEN_DESK_PORT: '0', QWEN_DESK_DEV_ORIGIN: devOrigin },
  });
  children.push(host);
  const line = await new Promise((resolve) => {
    let out = '';
    host.stdout.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(out);
      if (m) resolve({ origin: m[1], token: m[2] });
    });
  });
  const vite = await createServer({
    configFile: 'vite.config.ts',
    server: { port: DEV_PORT, proxy: { '/bridge': { target: line.origin, ws: true, changeOrigin: true } } },
  });
  await vite.listen();
  console.log(`Qwen Desk (dev) is running at ${devOrigin}/?token=${line.token}`);
}
