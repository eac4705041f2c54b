/**
 * Run by no-keychain.test.ts in a process whose D-Bus session address points nowhere: the app's
 * core as browser mode builds it, one session (status, save, chat), the results printed as JSON.
 */
import { createAppCore } from '../../../electron/core/default-core';
import { readEnvConfig } from '../../../electron/core/config';
import type { ChatEvent } from '../../../electron/contract';

const core = createAppCore(readEnvConfig());
const ended = new Promise<ChatEvent>((resolve) =>
  core.subscribe((_event, payload) => {
    const e = payload as ChatEvent;
    if (e.type === 'done' || e.type === 'error') resolve(e);
  }),
);
const before = await core.invoke('key.status', undefined);
const saved = await core.invoke('key.save', { key: process.argv[2] });
const chat = await core.invoke('chat.start', {
  model: 'qwen-plus',
  messages: [{ role: 'user', content: 'hi' }],
});
const end = chat.ok ? await ended : null;
await core.dispose();
process.stdout.write(JSON.stringify({ before, saved, chat, end }));
