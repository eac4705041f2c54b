/**
 * Run by kill.test.ts as its own process, which is SIGKILLed inside one operation: `import` and
 * `delete` kill themselves from a temporary trigger after the KILL_AT-th row written (inside the
 * operation's transaction); `migrate` opens a file that needs a migration and is killed by the
 * parent after a random delay. The app's own code runs unchanged; the trigger is this process's
 * connection's alone (TEMP) and leaves nothing in the file.
 */
import fs from 'node:fs';
import { createCore } from '../../../electron/core/create-core';
import { systemClock } from '../../../electron/shared/clock';
import { envKeySource } from '../../../electron/secrets/key-source';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import { HistoryStore } from '../../../electron/history/history-store';

const dataDir = process.env.DATA_DIR!;
const op = process.env.OP!;
const killAt = Number(process.env.KILL_AT ?? '0');

/** After the killAt-th row `event` on `table`: SIGKILL, mid-transaction. */
function dieAfter(store: HistoryStore, event: 'INSERT' | 'DELETE', table: string): void {
  let n = 0;
  store.db.function('qd_maybe_die', () => {
    if (++n >= killAt) process.kill(process.pid, 'SIGKILL');
    return 0;
  });
  store.db.exec(
    `CREATE TEMP TRIGGER qd_die AFTER ${event} ON main.${table} BEGIN SELECT qd_maybe_die(); END`,
  );
}

if (op === 'migrate') {
  process.stdout.write('READY\n');
  HistoryStore.open(dataDir).close();
} else {
  // The core as the app assembles it; the operation goes through its channel.
  const store = HistoryStore.open(dataDir);
  const core = createCore({
    keySource: envKeySource(null),
    createQwenClient,
    clock: systemClock,
    getBaseURL: () => 'http://127.0.0.1:9/',
    history: store,
  });
  dieAfter(store, op === 'import' ? 'INSERT' : 'DELETE', 'messages');
  process.stdout.write('READY\n');
  const result =
    op === 'import'
      ? await core.invoke('history.import', { text: fs.readFileSync(process.env.IMPORT_FILE!, 'utf8') })
      : await core.invoke('history.delete', { conversationId: Number(process.env.CONVERSATION_ID) });
  if (!result.ok) process.stdout.write(`FAILED ${result.error.message}\n`);
  // DIE_AFTER: killed once the operation committed, so its pages are still only in the WAL.
  if (process.env.DIE_AFTER) process.kill(process.pid, 'SIGKILL');
  await core.dispose();
}
process.stdout.write('DONE\n');
