import type { EnvConfig } from './config';
import { createCore, type Core } from './create-core';
import { systemClock } from './clock';
import { envKeySource } from '../secrets/key-source';
import { createQwenClient } from '../qwen/qwen-client';
import { HistoryStore } from '../history/history-store';
import { HistoryTooNewError } from '../history/migrate';

/** Opens the history in the data directory; when it cannot (a newer version's file, …) the UI says why. */
function openHistory(
  dataDir: string,
): HistoryStore | { unavailable: { kind: 'unavailable'; message: string } } {
  try {
    return HistoryStore.open(dataDir, { dailyBackups: true });
  } catch (err) {
    if (err instanceof HistoryTooNewError)
      return { unavailable: { kind: 'unavailable', message: err.message } };
    throw err;
  }
}

/** The core as the app runs it, from the environment's configuration: used by main.ts and browser mode. */
export function createAppCore(config: EnvConfig): Core {
  return createCore({
    keySource: envKeySource(config.apiKey),
    createQwenClient,
    clock: systemClock,
    getBaseURL: () => config.baseURL,
    history: openHistory(config.dataDir),
  });
}
