/** Run by read-only.test.ts: starts the core as the app does on QWEN_DESK_DATA_DIR and says how it went. */
import { createAppCore } from '../../../electron/core/default-core';
import { readEnvConfig } from '../../../electron/core/config';

try {
  const core = createAppCore(readEnvConfig(process.env, '/nonexistent'), process.env);
  process.stdout.write(`STARTED ${JSON.stringify(await core.invoke('history.notices', undefined))}\n`);
  await core.dispose();
} catch (err) {
  process.stdout.write(`REFUSED ${err instanceof Error ? err.message : String(err)}\n`);
}
