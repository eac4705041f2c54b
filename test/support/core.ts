import { createCore, type Core } from '../../electron/core/create-core';
import { systemClock, type Clock } from '../../electron/shared/clock';
import type { EngineSettings } from '../../electron/qwen/engine-settings';
import { envKeySource } from '../../electron/secrets/key-source';
import { createQwenClient } from '../../electron/qwen/qwen-client';
import type { ChatEvent } from '../../electron/contract';

/** Builds the core exactly as main.ts does (createAppCore), with the key and base URL given. */
export function buildCore(options: {
  apiKey: string | null;
  baseURL: string;
  // Engine (issue 3): settings, clock, environment (proxies) and jitter, when a test sets them.
  engine?: Partial<EngineSettings>;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  random?: () => number;
}): Core {
  return createCore({
    keySource: envKeySource(options.apiKey),
    createQwenClient,
    clock: options.clock ?? systemClock,
    getBaseURL: () => options.baseURL,
    getEngineSettings: () => options.engine,
    env: options.env ?? {},
    ...(options.random ? { random: options.random } : {}),
  });
}

/** Collects a core's chat events; `until` waits for the stream's last event. */
export function collectEvents(core: Core) {
  const events: ChatEvent[] = [];
  const waiters: Array<() => void> = [];
  core.subscribe((event, payload) => {
    if (event === 'chat.event') {
      events.push(payload as ChatEvent);
      waiters.splice(0).forEach((w) => w());
    }
  });
  const forStream = (id: string) => events.filter((e) => e.streamId === id);
  return {
    events,
    forStream,
    async until(
      id: string,
      predicate: (e: ChatEvent) => boolean = (e) => e.type !== 'delta',
    ): Promise<ChatEvent> {
      for (;;) {
        const found = forStream(id).find(predicate);
        if (found) return found;
        await new Promise<void>((r) => waiters.push(r));
      }
    },
    text: (id: string) =>
      forStream(id)
        .map((e) => (e.type === 'delta' ? e.content : ''))
        .join(''),
  };
}
