/**
 * Settings and the API key's status, as the main process reports them. The key itself never comes
 * back from main: the store holds only its masked form and where it is kept.
 */
import { create } from 'zustand';
import type {
  AppError,
  AppSettings,
  KeyStatusView,
  KeyTestView,
  SettingsView,
} from '../../../electron/contract';
import { qwen } from '../api/qwen';
import { localeFor, useLocale } from '../i18n';
import { useTheme } from './theme-store';

interface SettingsState {
  view: SettingsView | null;
  key: KeyStatusView | null;
  open: boolean;
  busy: boolean;
  /** The last "Test key" outcome, until the key or region changes. */
  test: KeyTestView | null;
  error: AppError | null;
  load(): Promise<void>;
  setOpen(open: boolean): void;
  update(patch: Partial<AppSettings>): Promise<boolean>;
  saveKey(key: string): Promise<boolean>;
  testKey(key: string): Promise<void>;
  removeKey(): Promise<void>;
}

export const useSettingsStore = create<SettingsState>((set) => {
  /** Runs one call, keeping `busy` and `error` right; returns the value or null. */
  async function call<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>) {
    set({ busy: true, error: null });
    const result = await work();
    set({ busy: false, ...(result.ok ? {} : { error: result.error }) });
    return result.ok ? result.value : null;
  }

  return {
    view: null,
    key: null,
    open: false,
    busy: false,
    test: null,
    error: null,

    async load() {
      const [view, key] = await Promise.all([
        qwen().invoke('settings.get', undefined),
        qwen().invoke('key.status', undefined),
      ]);
      if (view.ok) applyAppearance(view.value.settings);
      set({
        ...(view.ok ? { view: view.value } : {}),
        ...(key.ok ? { key: key.value } : {}),
        error: view.ok ? (key.ok ? null : key.error) : view.error,
        // First run: no key anywhere leads straight to Settings and its explanation.
        ...(key.ok && key.value.source === 'none' ? { open: true } : {}),
      });
    },

    setOpen: (open) => set({ open, error: null }),

    async update(patch) {
      const view = await call(() => qwen().invoke('settings.update', patch));
      if (!view) return false;
      applyAppearance(view.settings);
      const regionChanged = patch.region !== undefined || patch.customBaseURL !== undefined;
      set({ view, ...(regionChanged ? { test: null } : {}) });
      // Keys are per region: the status shown must be the new region's.
      if (regionChanged) {
        const key = await qwen().invoke('key.status', undefined);
        if (key.ok) set({ key: key.value });
      }
      return true;
    },

    async saveKey(key) {
      const status = await call(() => qwen().invoke('key.save', { key }));
      if (status) set({ key: status, test: null });
      return !!status;
    },

    async testKey(key) {
      set({ test: null });
      const outcome = await call(() => qwen().invoke('key.test', key.trim() ? { key } : {}));
      if (outcome) set({ test: outcome });
    },

    async removeKey() {
      const status = await call(() => qwen().invoke('key.remove', undefined));
      if (status) set({ key: status, test: null });
    },
  };
});

/** Language and theme take effect at once; the theme store is the one writer of `data-theme`. */
function applyAppearance(settings: AppSettings): void {
  const locale =
    settings.language === 'system'
      ? localeFor(typeof navigator === 'undefined' ? undefined : navigator.language)
      : settings.language;
  useLocale.getState().setLocale(locale);
  useTheme.getState().setTheme(settings.theme);
}
