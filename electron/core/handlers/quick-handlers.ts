import type { ShortcutStatusView } from '../../contract';
import type { SettingsService } from '../../settings/settings-service';
import { normalizeAccelerator } from '../../shell/accelerator';
import { fail } from '../../shared/app-error';
import type { Sentence } from '../../shared/main-text';
import type { HandlerGroup } from './types';

/**
 * What the desktop shell (Electron) lets the core do for the quick window (issue 11). Browser mode
 * has none: there the shortcut is only saved, and the page itself finds or opens the main page.
 */
export interface DesktopControls {
  shortcutStatus(): ShortcutStatusView;
  /** Test-registers the combination; on failure the old one stays and the reason is returned. */
  changeShortcut(accelerator: string): { ok: true } | ({ ok: false; reason: 'taken' | 'invalid' } & Sentence);
  showMainWindow(conversationId: number): void;
  hideQuickWindow(): boolean;
  takePendingPrefill(): string | null;
  setQuickPinned(pinned: boolean): void;
  fitQuickWindow(contentHeight: number): number;
}

/** The command a desktop-environment shortcut can run (shown in Settings, documented in the README). */
export const QUICK_ASK_COMMAND = 'qwen-desk --quick-ask';

export function createQuickHandlers(
  settings: SettingsService,
  desktop: DesktopControls | undefined,
): HandlerGroup<
  | 'shortcut.status'
  | 'shortcut.set'
  | 'quick.continueInMain'
  | 'quick.pending'
  | 'quick.hide'
  | 'quick.pin'
  | 'quick.resize'
> {
  const status = (): ShortcutStatusView =>
    desktop?.shortcutStatus() ?? {
      accelerator: settings.get().quickAskShortcut,
      state: 'unavailable',
      wayland: false,
      command: QUICK_ASK_COMMAND,
    };
  return {
    'shortcut.status': async () => status(),
    'shortcut.set': async ({ accelerator }) => {
      const check = accelerator.trim() === '' ? null : normalizeAccelerator(accelerator);
      if (check && !check.ok)
        fail('invalid_argument', check.key, check.params ? { params: check.params } : {});
      const next = check?.ok ? check.accelerator : '';
      const applied = desktop?.changeShortcut(next) ?? { ok: true };
      if (!applied.ok)
        fail(applied.reason === 'taken' ? 'shortcut_taken' : 'invalid_argument', applied.key, {
          ...(applied.params ? { params: applied.params } : {}),
        });
      settings.update({ quickAskShortcut: next });
      return status();
    },
    'quick.continueInMain': async ({ conversationId }) => {
      desktop?.showMainWindow(conversationId);
      return { shown: !!desktop };
    },
    'quick.pending': async () => ({ prefill: desktop?.takePendingPrefill() ?? null }),
    'quick.hide': async () => ({ hidden: desktop?.hideQuickWindow() ?? false }),
    'quick.pin': async ({ pinned }) => {
      desktop?.setQuickPinned(pinned);
      return { pinned };
    },
    'quick.resize': async ({ height }) => ({ height: desktop?.fitQuickWindow(height) ?? height }),
  };
}
