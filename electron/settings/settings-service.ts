/**
 * The app's settings on top of any SettingsStore (the JSON file here, the history database's table
 * once merged): defaults, validation, and what the rest of the core asks (current region, base URL).
 * Everything is read from the store on each call, so a change applies to the next request without
 * a restart.
 */
import { appSettingsSchema, type AppSettings, type SettingsView } from '../contract';
import { fail, failValidation } from '../shared/app-error';
import { DEFAULT_MODEL } from '../shared/models';
import { DEFAULT_REGION, regions, workspaceBaseURL, type RegionId } from '../qwen/regions';
import type { SettingsStore } from './settings-store';
import { keyHostOf } from '../secrets/key-routing';
import { DEFAULT_QUICK_ASK_SHORTCUT } from '../shell/accelerator';

export const defaultSettings: AppSettings = {
  region: DEFAULT_REGION,
  customBaseURL: '',
  defaultModel: DEFAULT_MODEL,
  defaultParams: {},
  language: 'system',
  theme: 'system',
  proxy: '',
  requestTimeoutSeconds: 600,
  retryCount: 2,
  checkSensitive: true,
  // Quick ask (issue 11): not Ctrl+E, which editors and shells use (LobeHub #7812).
  quickAskShortcut: DEFAULT_QUICK_ASK_SHORTCUT,
  keepInTray: true,
  // Qwen-native (issue 13).
  protocol: 'auto',
  contextCache: true,
  cacheChatAnswers: false, // issue 14: translations and fixed quick questions only, by default
  workspaceId: '',
};

const settingNames = Object.keys(defaultSettings) as Array<keyof AppSettings>;

export interface SettingsService {
  get(): AppSettings;
  view(): SettingsView;
  /** Validates the changed settings together with the rest; throws AppErrorException. */
  update(patch: Partial<AppSettings>): SettingsView;
  region(): RegionId;
  /** The compatible-mode base URL for the next request; throws when Custom has none yet. */
  baseURL(): string;
}

export interface SettingsServiceOptions {
  /** DASHSCOPE_BASE_URL (normalized), which wins over the region when set. */
  baseURLOverride: string | null;
  /** Told once per setting whose stored value is of the wrong type or out of range. */
  onProblem?: (message: string) => void;
}

export function createSettingsService(
  store: SettingsStore,
  options: SettingsServiceOptions,
): SettingsService {
  const reported = new Set<string>();
  /** Stored values that failed their check: replaced by the next save, whatever it changes. */
  const damaged = new Set<keyof AppSettings>();
  function get(): AppSettings {
    // Each stored value is checked on its own: one bad value falls back to its default, not all.
    const shape = appSettingsSchema.shape;
    const settings = { ...defaultSettings } as Record<keyof AppSettings, unknown>;
    for (const name of settingNames) {
      let stored: unknown;
      try {
        stored = store.get(name);
      } catch {
        stored = undefined; // a store that cannot read one value must not fail every request
      }
      if (stored === undefined) continue;
      const parsed = shape[name].safeParse(stored);
      if (parsed.success) {
        settings[name] = parsed.data;
        continue;
      }
      damaged.add(name);
      if (!reported.has(name)) {
        reported.add(name);
        options.onProblem?.(`The saved setting "${name}" is not valid; its default is used.`);
      }
    }
    return settings as AppSettings;
  }

  function baseURLOf(settings: AppSettings): string {
    if (options.baseURLOverride) return options.baseURLOverride;
    if (settings.region === 'custom') return settings.customBaseURL.replace(/\/+$/, '');
    // Issue 13: with a Workspace ID, the region's workspace host (both protocols); else the legacy one.
    const workspace = workspaceBaseURL(settings.region, settings.workspaceId);
    if (workspace) return workspace;
    return regions.find((r) => r.id === settings.region)?.baseURL ?? regions[0]!.baseURL!;
  }

  const view = (): SettingsView => {
    const settings = get();
    return { settings, baseURL: baseURLOf(settings), baseURLFromEnvironment: !!options.baseURLOverride };
  };

  return {
    get,
    view,
    update(patch) {
      const next = appSettingsSchema.safeParse({ ...get(), ...patch });
      if (!next.success) {
        failValidation(next.error.issues, 'settings.invalid');
      }
      // A custom endpoint the key can never go to is refused now, with the reason (issue 9).
      if (next.data.region === 'custom' && next.data.customBaseURL && 'customBaseURL' in patch) {
        keyHostOf(next.data.customBaseURL);
      }
      for (const name of new Set([
        ...(Object.keys(patch) as Array<keyof AppSettings>),
        ...damaged,
        ...((store.damagedKeys?.() ?? []).filter((k) => k in defaultSettings) as Array<keyof AppSettings>),
      ])) {
        store.set(name, next.data[name]);
      }
      damaged.clear();
      return view();
    },
    region: () => get().region,
    baseURL() {
      const url = baseURLOf(get());
      // Never fall through to a default endpoint elsewhere (the SDK's is OpenAI's): say what is missing.
      if (!url) {
        fail('invalid_argument', 'settings.noCustomUrl', {
          action: 'settings.noCustomUrl.action',
        });
      }
      return url;
    },
  };
}
