import { channels, isChannelName, type Result } from '../contract';
import { appError, failValidation, toResult } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import { EventHub, type EventListener } from './event-hub';
import { StreamManager } from './stream-manager';
import type { KeySource } from '../secrets/key-source';
import type { QwenClientFactory } from '../qwen/qwen-client';
import { createChatHandlers } from './handlers/chat-handlers';
import { createChatEngine } from './chat-engine';
import type { Handlers } from './handlers/types';
import { findSensitive } from '../shared/sensitive-content';
import { engineSettingsFromApp, type EngineSettings } from '../qwen/engine-settings';
// History
import type { HistoryNotice } from '../contract';
import type { HistoryStore } from '../history/history-store';
import { createHistoryHandlers, type HistoryParts } from './handlers/history-handlers';
import { ConversationService } from './conversation-service';
import { StreamRecorder } from './stream-recorder';
import { AnswerCache } from './answer-cache';
// Settings and the API key (issue 5)
import { createSettingsHandlers } from './handlers/settings-handlers';
import { createControlsHandlers } from './handlers/controls-handlers';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { createMemorySettingsStore } from '../settings/settings-store';
import { createKeyManager, type KeyManager } from '../secrets/key-manager';
import { createMemoryKeyStore } from '../secrets/key-store';
import { createKeyRouting } from '../secrets/key-routing';
// Updates (issue 12)
import { createUpdatesHandlers, noUpdates, type UpdatesPort } from './handlers/updates-handlers';
// Quick ask (issue 11)
import { createQuickHandlers, type DesktopControls } from './handlers/quick-handlers';
// Image generation (issue 14)
import { ImageJobs } from '../imagegen/image-jobs';
import { imageTransport, type ImageTransportDeps } from '../imagegen/image-transport';
import { createImagegenHandlers, type ImageSaver } from './handlers/imagegen-handlers';

/** Everything the core needs from the outside world; `main.ts`, browser mode and tests pass the same. */
export interface CoreDeps {
  keySource: KeySource;
  createQwenClient: QwenClientFactory;
  clock: Clock;
  /** The compatible-mode base URL, read per request so a change applies to the next one. */
  getBaseURL: () => string;
  // Engine (issue 3): region, proxy, timeouts and retries from Settings, read per request; any
  // field missing gets a default (electron/qwen/engine-settings.ts). `env` is for HTTPS_PROXY /
  // NO_PROXY (process.env when absent); `random` pins retry jitter in tests.
  getEngineSettings?: () => Partial<EngineSettings> | undefined;
  env?: NodeJS.ProcessEnv;
  random?: () => number;
  /**
   * History: the open database (the core closes it on dispose), or why none could be opened. Absent
   * in tests of the chat path alone.
   */
  history?: HistoryStore | { unavailable: HistoryNotice };
  // --- Settings and the API key (issue 5) ---
  /** The app passes both (default-core.ts), with `keySource` = `keys` and `getBaseURL` = `settings.baseURL`.
   *  Left out (tests of other concerns), Settings works on memory only. */
  settings?: SettingsService;
  keys?: KeyManager;
  /** The log file's path, shown by the UI when an area fails (issue 9); absent in tests that log nowhere. */
  logPath?: string;
  /** Issue 9: asks the user (a main-process dialog) before a key first goes to a custom host. */
  confirmKeyHost?: (host: string) => Promise<boolean>;
  /** Issue 12: the app's updater (the shell's); without one, About says updates are not for this run. */
  updates?: UpdatesPort;
  /** The version About shows when there is no updater to tell it. */
  appVersion?: string;
  /** Issue 11: the quick window, its shortcut and the main window, from the Electron shell. */
  desktop?: DesktopControls;
  /** Issue 14: "Save image" through Electron's save dialog; absent in browser mode (a download). */
  saveImage?: ImageSaver;
  /** Issue 14, tests: another image client. */
  createImageClient?: ImageTransportDeps['createImageClient'];
}

export interface Core {
  /** Validates the argument against the contract, runs the handler, and answers with a Result. */
  invoke(channel: string, rawArg: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  dispose(): Promise<void>;
  /**
   * Issue 10: a stored image's bytes by SHA-256, for the app:// protocol and browser mode's
   * token-checked route; null when no message holds it (or there is no history).
   */
  readAttachment(sha256: string): { mimeType: string; data: Buffer } | null;
}

export function createCore(deps: CoreDeps): Core {
  const hub = new EventHub();
  const streams = new StreamManager(hub, deps.clock, deps.random);
  const updates = deps.updates ?? noUpdates(deps.appVersion ?? 'unknown');
  const stopUpdateEvents = updates.subscribe((status) => hub.emit('updates.status', status));

  // One group of handlers per concern; the type makes sure every contract channel has one.
  // Engine (issue 3): the app's Settings (proxy, timeout, retries) unless a test gives its own.
  const getEngineSettings =
    deps.getEngineSettings ?? (deps.settings ? engineSettingsFromApp(deps.settings) : undefined);
  const engine = createChatEngine({ ...deps, streams, getEngineSettings });
  // History: answers sent into conversations are recorded as they stream.
  const historyStore = deps.history && !('unavailable' in deps.history) ? deps.history : null;
  let historyParts: HistoryParts | null = null;
  const appSettings = settingsDeps(deps);
  if (historyStore) {
    const recorder = new StreamRecorder(historyStore, hub, deps.clock);
    // Issue 14: the answer cache, in the history database; chats only with the Settings switch on.
    const cache = new AnswerCache(
      historyStore.answerCache,
      deps.clock,
      () => appSettings.settings.get().cacheChatAnswers,
    );
    const service = new ConversationService(historyStore, engine, recorder, hub, deps.clock, cache);
    historyParts = { store: historyStore, service, recorder };
  }
  // Issue 14: image answers; tasks a quit left queued or drawing are polled again now.
  const imageJobs = historyStore
    ? new ImageJobs({
        store: historyStore,
        hub,
        clock: deps.clock,
        transport: imageTransport({ ...deps, getEngineSettings }),
      })
    : null;
  imageJobs?.resume();
  const historyUnavailable: HistoryNotice | null =
    deps.history && 'unavailable' in deps.history ? deps.history.unavailable : null;

  const handlers: Handlers = {
    ...createChatHandlers(engine),
    ...createHistoryHandlers(historyParts, historyUnavailable),
    ...createSettingsHandlers({ ...appSettings, createQwenClient: deps.createQwenClient }),
    ...createControlsHandlers(historyParts), // issue 6: conversation controls
    ...createQuickHandlers(appSettings.settings, deps.desktop), // issue 11: quick ask
    'app.info': async () => ({ logPath: deps.logPath ?? null }), // issue 9: the log's path for the UI
    // Issue 15, item 11: the patterns, and the user's own key (a key that cannot be read: patterns only).
    'message.checkSensitive': async ({ text }) => ({
      findings: findSensitive(text, await deps.keySource.getKey().catch(() => null)),
    }),
    ...createUpdatesHandlers(updates), // issue 12: About and the updater
    ...createImagegenHandlers(imageJobs, historyStore, deps.saveImage), // issue 14: images
  };

  return {
    invoke(channel, rawArg) {
      if (!isChannelName(channel)) {
        return Promise.resolve({
          ok: false,
          error: appError('invalid_argument', 'request.unknown', {
            params: { channel: String(channel).slice(0, 100) },
          }),
        });
      }
      return toResult(async () => {
        const parsed = channels[channel].arg.safeParse(rawArg);
        if (!parsed.success) {
          failValidation(parsed.error.issues, 'request.invalid');
        }
        const handler = handlers[channel] as (arg: unknown) => Promise<unknown>;
        return handler(parsed.data);
      });
    },
    subscribe: (listener) => hub.subscribe(listener),
    readAttachment: (sha256) => {
      const found = historyStore?.isOpen ? historyStore.attachments.blob(sha256) : null;
      return found && found.mimeType.startsWith('image/') ? found : null;
    },
    async dispose() {
      stopUpdateEvents();
      streams.cancelAll();
      imageJobs?.dispose();
      // History: unfinished answers keep their text (marked interrupted), then PRAGMA optimize + close.
      historyParts?.recorder.finishAll();
      historyStore?.close();
    },
  };
}

/** Settings and keys as given, or memory-only ones for a core built without them (issue 5). */
function settingsDeps(deps: CoreDeps): { settings: SettingsService; keys: KeyManager } {
  const settings =
    deps.settings ?? createSettingsService(createMemorySettingsStore(), { baseURLOverride: null });
  const keys =
    deps.keys ??
    createKeyManager({
      envKey: null,
      keychain: createMemoryKeyStore(),
      region: () => settings.region(),
      routing: createKeyRouting({ overrideBaseURL: null, ...confirmOf(deps) }),
    });
  return { settings, keys };
}

const confirmOf = (deps: CoreDeps) => (deps.confirmKeyHost ? { confirm: deps.confirmKeyHost } : {});
