import { describe, expect, it } from 'vitest';
import {
  createQuickAskShortcut,
  isWaylandSession,
  type ShortcutApi,
} from '../../../electron/shell/shortcuts';

/** A recording globalShortcut; `taken` is what another app holds. */
function recorder(taken: string[] = []) {
  const calls: string[] = [];
  const held = new Map<string, () => void>();
  const api: ShortcutApi = {
    register: (acc, cb) => {
      calls.push(`register ${acc}`);
      if (taken.includes(acc) || held.has(acc)) return false;
      held.set(acc, cb);
      return true;
    },
    unregister: (acc) => {
      calls.push(`unregister ${acc}`);
      held.delete(acc);
    },
    unregisterAll: () => {
      calls.push('unregisterAll');
      held.clear();
    },
  };
  return { api, calls, held };
}

const make = (taken: string[] = [], wayland = false) => {
  const r = recorder(taken);
  let presses = 0;
  const changes: string[] = [];
  const shortcut = createQuickAskShortcut({
    globalShortcut: r.api,
    onPress: () => presses++,
    wayland,
    command: 'qwen-desk --quick-ask',
    onChange: (s) => changes.push(`${s.state} ${s.accelerator}`),
  });
  return { ...r, shortcut, presses: () => presses, changes };
};

describe('the quick-ask shortcut', () => {
  it('registers the saved combination at start, and the key fires', () => {
    const s = make();
    s.shortcut.start('CommandOrControl+Shift+Space');
    expect(s.shortcut.status()).toEqual({
      accelerator: 'CommandOrControl+Shift+Space',
      state: 'registered',
      wayland: false,
      command: 'qwen-desk --quick-ask',
    });
    s.held.get('CommandOrControl+Shift+Space')!();
    expect(s.presses()).toBe(1);
  });

  it('keeps a failed registration at start as its state (never silent)', () => {
    const s = make(['CommandOrControl+Shift+Space']);
    s.shortcut.start('CommandOrControl+Shift+Space');
    expect(s.shortcut.status().state).toBe('failed');
    expect(s.changes).toEqual(['failed CommandOrControl+Shift+Space']);
  });

  it('refuses a taken combination and keeps the old one registered', () => {
    const s = make(['Alt+Space']);
    s.shortcut.start('CommandOrControl+Shift+Space');
    const outcome = s.shortcut.change('alt+space');
    expect(outcome).toMatchObject({ ok: false, reason: 'taken' });
    expect(s.shortcut.status()).toMatchObject({
      accelerator: 'CommandOrControl+Shift+Space',
      state: 'registered',
    });
    expect([...s.held.keys()]).toEqual(['CommandOrControl+Shift+Space']);
  });

  it('moves to a free combination, re-choosing the current one is fine, and clearing lets go', () => {
    const s = make();
    s.shortcut.start('CommandOrControl+Shift+Space');
    expect(s.shortcut.change('Control+Alt+K')).toEqual({ ok: true });
    expect([...s.held.keys()]).toEqual(['Control+Alt+K']);
    expect(s.shortcut.change('Control+Alt+K')).toEqual({ ok: true });
    expect(s.shortcut.change('')).toEqual({ ok: true });
    expect(s.held.size).toBe(0);
    expect(s.shortcut.status().state).toBe('off');
  });

  it('refuses a malformed combination before registering anything; a register() that throws counts as taken', () => {
    const s = make();
    s.shortcut.start('');
    expect(s.shortcut.change('K')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(s.calls).toEqual([]);
    const throwing = createQuickAskShortcut({
      globalShortcut: {
        ...s.api,
        register: () => {
          throw new Error('bad accelerator');
        },
      },
      onPress: () => undefined,
      wayland: false,
      command: '',
    });
    throwing.start('Control+Alt+K');
    expect(throwing.status().state).toBe('failed');
  });

  it('unregisters everything on quit; says when the session is Wayland', () => {
    const s = make([], true);
    s.shortcut.start('CommandOrControl+Shift+Space');
    s.shortcut.stop();
    expect(s.calls.at(-1)).toBe('unregisterAll');
    expect(s.shortcut.status().wayland).toBe(true);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'x11' })).toBe(false);
  });
});
