/**
 * Starts the built browser mode (dist/electron/browser-host.mjs) as its own process, exactly as
 * `npm run start:browser` does, and waits for the line with its address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningApp {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const HOST_ENTRY = path.resolve('dist/electron/browser-host.mjs');

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-e2e-'));
}

export async function startBrowserMode(env: Record<string, string | undefined>): Promise<RunningApp> {
  if (!fs.existsSync(HOST_ENTRY)) throw new Error('Browser mode is not built: run "npm run build" first.');
  const child = spawn(process.execPath, [HOST_ENTRY], {
    env: { ...process.env, DASHSCOPE_API_KEY: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${out}`)), 15_000);
    const check = () => {
      const m = /^Qwen Desk is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => reject(new Error(`browser mode exited:\n${out}`)));
  });
  return {
    url,
    child,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
