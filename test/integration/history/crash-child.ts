/**
 * Run by crash-recovery.test.ts as its own process (then killed with SIGKILL): the app's core on a
 * real history file, sending one question and reporting each delta's running length.
 */
import type { ChatEvent } from '../../../electron/contract';
import { buildHistoryCore, call } from '../../support/history';

const core = buildHistoryCore({
  apiKey: process.env.KEY!,
  baseURL: process.env.BASE_URL!,
  dataDir: process.env.DATA_DIR!,
});
let received = 0;
core.subscribe((event, payload) => {
  const chat = payload as ChatEvent;
  if (event === 'chat.event' && chat.type === 'delta') {
    received += chat.content.length;
    process.stdout.write(`RECEIVED ${received}\n`);
  }
});
const sent = await call(core, 'history.send', { content: 'count slowly', model: 'qwen-plus' });
process.stdout.write(`SENT ${sent.assistantMessageId}\n`);
