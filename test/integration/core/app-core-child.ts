/**
 * Run by data-lock.test.ts as its own process: the core exactly as the app and browser mode build
 * it (createAppCore, from the environment), sending one question whose answer streams slowly.
 * Prints `SENT <assistant id>` once the answer row exists; SIGTERM disposes the core and exits.
 */
import { readEnvConfig } from '../../../electron/core/config';
import { createAppCore } from '../../../electron/core/default-core';
import { call } from '../../support/history';

const core = createAppCore(readEnvConfig());
process.on('SIGTERM', () => {
  void core.dispose().then(() => process.exit(0));
});
const sent = await call(core, 'history.send', { content: 'count slowly', model: 'qwen-plus' });
process.stdout.write(`SENT ${sent.assistantMessageId}\n`);
