import path from 'node:path';
import type { EnvConfig } from './config';
import { createCore, type Core } from './create-core';
import { systemClock } from '../shared/clock';
import { createQwenClient } from '../qwen/qwen-client';
import { HistoryStore } from '../history/history-store';
import { HistoryTooNewError } from '../history/migrate';
import type { Sentence } from '../shared/main-text';
import { acquireDataLock } from './data-lock';

// A second process on the same data folder fails to start with this (main.ts / browser mode say why).
export { DataFolderInUseError } from './data-lock';
import { assertWritableDataDir } from './data-folder';

/** Opens the history in the data directory; when it cannot (a newer version's file, …) the UI says why. */
function openHistory(dataDir: string): HistoryStore | { unavailable: { kind: 'unavailable' } & Sentence } {
  try {
    return HistoryStore.open(dataDir, { dailyBackups: true });
  } catch (err) {
    if (err instanceof HistoryTooNewError) return { unavailable: { kind: 'unavailable', ...err.sentence } };
    throw err;
  }
}
// Settings, keychain and log (issue 5)
import { createSettingsService } from '../settings/settings-service';
import { createJsonSettingsStore } from '../settings/json-settings-store';
import { createKeyManager } from '../secrets/key-manager';
import { createKeytarKeyStore } from '../secrets/keytar-key-store';
import { KEYCHAIN_SERVICE } from '../secrets/key-store';
import { createKeyRouting } from '../secrets/key-routing';
import { createFileLogger } from '../logging/logger';
import { withRequestLog } from '../logging/logged-core';
import type { DesktopControls } from './handlers/quick-handlers';
import type { UpdatesPort } from './handlers/updates-handlers';

/**
 * What the app's shell adds (main.ts): the key-host dialog (issue 9), the quick window and shortcut
 * (issue 11), the updater and the version About shows (issue 12). Browser mode passes only its version.
 */
export interface AppShellParts {
  confirmKeyHost?: (host: string) => Promise<boolean>;
  desktop?: DesktopControls;
  updates?: UpdatesPort;
  appVersion?: string;
  /** Issue 14: "Save image" through the save dialog (Electron only). */
  saveImage?: (fileName: string, data: Buffer) => Promise<boolean>;
}

/** The core as the app runs it, from the environment's configuration: used by main.ts and browser mode. */
export function createAppCore(
  config: EnvConfig,
  env: NodeJS.ProcessEnv = process.env,
  shell: AppShellParts = {},
): Core {
  // Faults (issue 9): a read-only data folder is refused first, in one clear sentence.
  assertWritableDataDir(config.dataDir);
  // Issue 9: the folder is ours before the history opens. Opening marks streaming answers
  // interrupted, which is only right when no other process is still writing them.
  const lock = acquireDataLock(config.dataDir, process.versions.electron ? 'app' : 'browser mode');
  try {
    return lockedAppCore(config, env, shell, lock.release);
  } catch (err) {
    lock.release();
    throw err;
  }
}

function lockedAppCore(
  config: EnvConfig,
  env: NodeJS.ProcessEnv,
  shell: AppShellParts,
  releaseLock: () => void,
): Core {
  // --- Settings, keychain and log (issue 5) ---
  // The key manager is made below; the log asks it for the keys to hide on every line.
  let knownKeys: () => readonly string[] = () => (config.apiKey ? [config.apiKey] : []);
  const logger = createFileLogger({ dataDir: config.dataDir, secrets: () => knownKeys(), echo: true });
  // Settings live in the history database (its `settings` table). Only when that database cannot be
  // opened (a newer version's file) do they go to a JSON file beside it, so Settings still work.
  const history = openHistory(config.dataDir);
  const store =
    'unavailable' in history
      ? createJsonSettingsStore(config.dataDir, { onProblem: (m) => logger.warn(m) })
      : history.settings;
  const baseURLOverride = env.DASHSCOPE_BASE_URL?.trim() ? config.baseURL : null;
  const settings = createSettingsService(store, {
    baseURLOverride,
    onProblem: (m) => logger.warn(m),
  });
  const keys = createKeyManager({
    envKey: config.apiKey,
    // QWEN_DESK_KEYCHAIN_SERVICE: another keychain entry name, so tests never touch the user's key.
    keychain: createKeytarKeyStore({ service: env.QWEN_DESK_KEYCHAIN_SERVICE?.trim() || KEYCHAIN_SERVICE }),
    region: () => settings.region(),
    onEvent: (m) => logger.info(m),
    // Issue 9: the key goes only to DashScope, DASHSCOPE_BASE_URL, or hosts its owner confirmed.
    routing: createKeyRouting({
      overrideBaseURL: baseURLOverride,
      overrideNativeBaseURL: env.DASHSCOPE_NATIVE_BASE_URL?.trim() || null,
      store,
      ...(shell.confirmKeyHost ? { confirm: shell.confirmKeyHost } : {}),
    }),
  });
  knownKeys = () => keys.knownKeys();
  logger.info(`Qwen Desk started (data directory ${path.resolve(config.dataDir)}).`);

  const core = createCore({
    keySource: keys,
    createQwenClient,
    clock: systemClock,
    getBaseURL: () => settings.baseURL(),
    settings,
    keys,
    history,
    logPath: logger.file,
    ...(shell.updates ? { updates: shell.updates } : {}),
    ...(shell.appVersion ? { appVersion: shell.appVersion } : {}),
    ...(shell.desktop ? { desktop: shell.desktop } : {}),
    ...(shell.saveImage ? { saveImage: shell.saveImage } : {}),
  });
  const logged = withRequestLog(core, logger);
  return {
    ...logged,
    async dispose() {
      try {
        await logged.dispose();
      } finally {
        releaseLock();
      }
    },
  };
}
