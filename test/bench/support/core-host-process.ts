/**
 * "The main process" of the stream benchmark: the core, built as the app builds it, behind browser
 * mode's WebSocket bridge. Prints its address; answers "cpu" on stdin with its own CPU time, so
 * the benchmark measures this process alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startBrowserHost } from '../../../electron/browser-mode/host';
import { systemClock } from '../../../electron/shared/clock';
import { createCore } from '../../../electron/core/create-core';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import { envKeySource } from '../../../electron/secrets/key-source';

const baseURL = process.argv[2]!;
// Issue 13: the transport under test, "compatible" or "native" (the same fake stream either way).
const protocol = process.argv[3] === 'native' ? 'native' : 'compatible';
const core = createCore({
  keySource: envKeySource('sk-bench'),
  createQwenClient,
  clock: systemClock,
  getBaseURL: () => baseURL,
  getEngineSettings: () => ({ maxRetries: 0, protocol }),
  env: {},
});
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-bench-'));
const host = await startBrowserHost({ core, rendererDir, port: 0, token: 'bench-token' });
console.log(JSON.stringify({ origin: host.origin, token: host.token }));
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'cpu') console.log(JSON.stringify({ cpu: process.cpuUsage() }));
});
process.on(
  'SIGTERM',
  () =>
    void Promise.all([core.dispose(), host.close()]).then(() => {
      fs.rmSync(rendererDir, { recursive: true, force: true });
      process.exit(0);
    }),
);
