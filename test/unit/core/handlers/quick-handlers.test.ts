import { describe, expect, it } from 'vitest';
import { sentence } from '../../../../electron/shared/main-text';
import { AppErrorException } from '../../../../electron/shared/app-error';
import { createQuickHandlers, type DesktopControls } from '../../../../electron/core/handlers/quick-handlers';
import { createSettingsService } from '../../../../electron/settings/settings-service';
import { createMemorySettingsStore } from '../../../../electron/settings/settings-store';
import { lateDesktopControls } from '../../../../electron/shell/desktop-shell';

const settings = () => createSettingsService(createMemorySettingsStore(), { baseURLOverride: null });
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AppErrorException ? err.appError.code : String(err);
  }
};

describe('quick-ask handlers', () => {
  it('browser mode (no desktop): the shortcut is checked and saved, marked unavailable; nothing to show', async () => {
    const s = settings();
    const h = createQuickHandlers(s, undefined);
    expect(await h['shortcut.status'](undefined)).toEqual({
      accelerator: 'CommandOrControl+Shift+Space',
      state: 'unavailable',
      wayland: false,
      command: 'qwen-desk --quick-ask',
    });
    expect((await h['shortcut.set']({ accelerator: 'ctrl+alt+k' })).accelerator).toBe('Control+Alt+K');
    expect(s.get().quickAskShortcut).toBe('Control+Alt+K');
    expect(await codeOf(h['shortcut.set']({ accelerator: 'K' }))).toBe('invalid_argument');
    expect(s.get().quickAskShortcut).toBe('Control+Alt+K');
    expect(await h['quick.continueInMain']({ conversationId: 3 })).toEqual({ shown: false });
    expect(await h['quick.pending'](undefined)).toEqual({ prefill: null });
  });

  it('the app: a taken combination is refused as shortcut_taken and not saved; a free one is saved', async () => {
    const s = settings();
    const calls: string[] = [];
    const desktop: DesktopControls = {
      shortcutStatus: () => ({
        accelerator: s.get().quickAskShortcut,
        state: 'registered',
        wayland: false,
        command: 'c',
      }),
      changeShortcut: (a) =>
        a === 'Alt+Space'
          ? { ok: false, reason: 'taken', ...sentence('shortcut.taken', { accelerator: a }) }
          : (calls.push(`change ${a}`), { ok: true }),
      showMainWindow: (id) => void calls.push(`main ${id}`),
      hideQuickWindow: () => (calls.push('hide'), true),
      takePendingPrefill: () => 'pending',
      setQuickPinned: (p) => void calls.push(`pin ${p}`),
      fitQuickWindow: (h) => Math.min(h, 640),
    };
    const h = createQuickHandlers(s, desktop);
    expect(await codeOf(h['shortcut.set']({ accelerator: 'Alt+Space' }))).toBe('shortcut_taken');
    expect(s.get().quickAskShortcut).toBe('CommandOrControl+Shift+Space');
    await h['shortcut.set']({ accelerator: '' });
    expect(s.get().quickAskShortcut).toBe('');
    expect(await h['quick.continueInMain']({ conversationId: 9 })).toEqual({ shown: true });
    expect(await h['quick.hide'](undefined)).toEqual({ hidden: true });
    expect(await h['quick.resize']({ height: 5000 })).toEqual({ height: 640 });
    expect(await h['quick.pending'](undefined)).toEqual({ prefill: 'pending' });
    await h['quick.pin']({ pinned: true });
    expect(calls).toEqual(['change ', 'main 9', 'hide', 'pin true']);
  });

  it('before the shell has its windows, the late controls answer as "not yet" instead of throwing', () => {
    const late = lateDesktopControls();
    expect(late.controls.shortcutStatus().state).toBe('unavailable');
    expect(late.controls.changeShortcut('Control+Alt+K')).toMatchObject({ ok: false });
    expect(late.controls.hideQuickWindow()).toBe(false);
  });
});
