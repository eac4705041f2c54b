import { describe, expect, it } from 'vitest';
import { acceleratorFromKeyPress, normalizeAccelerator } from '../../../electron/shell/accelerator';

const press = (
  code: string,
  key: string,
  mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>>,
) => ({
  code,
  key,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('accelerators', () => {
  it('writes combinations in one normal form', () => {
    expect(normalizeAccelerator('shift+cmdorctrl+space')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Shift+Space',
    });
    expect(normalizeAccelerator('Ctrl+Alt+k')).toEqual({ ok: true, accelerator: 'Control+Alt+K' });
    expect(normalizeAccelerator('Ctrl++')).toEqual({ ok: true, accelerator: 'Control+Plus' });
    expect(normalizeAccelerator('F9')).toEqual({ ok: true, accelerator: 'F9' });
  });

  it('refuses what cannot be a global shortcut, saying why', () => {
    for (const bad of ['K', 'Shift+K', 'Ctrl', 'Ctrl+K+J', 'Ctrl+Banana', 'Ctrl+', '', 'x'.repeat(101)]) {
      expect(normalizeAccelerator(bad).ok, bad).toBe(false);
    }
    expect(normalizeAccelerator('Shift+K')).toMatchObject({ reason: expect.stringMatching(/Ctrl, Alt/) });
  });

  it('records key presses by physical key, Ctrl/Cmd as CommandOrControl', () => {
    expect(acceleratorFromKeyPress(press('Space', ' ', { ctrlKey: true, shiftKey: true }), false)).toBe(
      'CommandOrControl+Shift+Space',
    );
    expect(acceleratorFromKeyPress(press('Digit1', '!', { metaKey: true, shiftKey: true }), true)).toBe(
      'CommandOrControl+Shift+1',
    );
    expect(acceleratorFromKeyPress(press('KeyK', 'k', { metaKey: true, altKey: true }), false)).toBe(
      'Alt+Super+K',
    );
    expect(acceleratorFromKeyPress(press('ShiftLeft', 'Shift', { shiftKey: true }), false)).toBeNull();
  });
});
