/**
 * The quick-ask global shortcut. `register()`'s answer is never ignored (Cherry Studio ignores it,
 * so a taken key silently does nothing, #15431): a change is test-registered before it is saved
 * (LobeHub's way) and refused when another app holds it, keeping the old one; a failure at start
 * is kept as the state Settings and the tray's tooltip show. On Wayland, `register()` is advisory
 * (it may succeed and never fire, electron#51875), which the status says, with the command to bind
 * in the desktop's own settings instead.
 */
import type { ShortcutStatusView } from '../contract';
import { normalizeAccelerator } from './accelerator';
import { sentence, type Sentence } from '../shared/main-text';

export type ShortcutApi = Pick<Electron.GlobalShortcut, 'register' | 'unregister' | 'unregisterAll'>;

export type ApplyOutcome = { ok: true } | ({ ok: false; reason: 'taken' | 'invalid' } & Sentence);

export interface QuickAskShortcut {
  /** Registers the saved combination at start; a failure is kept in the status, never thrown. */
  start(accelerator: string): void;
  /** Tries a new combination ('' = none); on failure the old one stays registered. */
  change(accelerator: string): ApplyOutcome;
  status(): ShortcutStatusView;
  /** On `will-quit`. */
  stop(): void;
}

/** Whether this is a Wayland session (where global shortcuts are advisory). */
export function isWaylandSession(env: NodeJS.ProcessEnv): boolean {
  return env.XDG_SESSION_TYPE?.toLowerCase() === 'wayland' || !!env.WAYLAND_DISPLAY;
}

export function createQuickAskShortcut(deps: {
  globalShortcut: ShortcutApi;
  onPress: () => void;
  wayland: boolean;
  /** The command that opens the quick window (for the desktop's own shortcut settings). */
  command: string;
  /** Told when the state changes (the tray's tooltip follows it). */
  onChange?: (status: ShortcutStatusView) => void;
}): QuickAskShortcut {
  let accelerator = '';
  let registered = false;

  /** register() returns false for a taken key and throws for one Electron cannot parse. */
  const tryRegister = (acc: string): boolean => {
    try {
      return deps.globalShortcut.register(acc, deps.onPress);
    } catch {
      return false;
    }
  };
  const release = (acc: string) => {
    try {
      deps.globalShortcut.unregister(acc);
    } catch {
      // Unregistering a combination that was never held is not a failure worth reporting.
    }
  };
  const status = (): ShortcutStatusView => ({
    accelerator,
    state: !accelerator ? 'off' : registered ? 'registered' : 'failed',
    wayland: deps.wayland,
    command: deps.command,
  });
  const changed = () => deps.onChange?.(status());

  return {
    start(saved) {
      const check = saved ? normalizeAccelerator(saved) : null;
      accelerator = check?.ok ? check.accelerator : saved;
      registered = !!check?.ok && tryRegister(check.accelerator);
      changed();
    },
    change(next) {
      if (next === '') {
        if (registered) release(accelerator);
        accelerator = '';
        registered = false;
        changed();
        return { ok: true };
      }
      const check = normalizeAccelerator(next);
      if (!check.ok) {
        const { key, params } = check;
        return { ok: false, reason: 'invalid', ...sentence(key, params) };
      }
      if (check.accelerator === accelerator && registered) return { ok: true };
      // Let go of the old one first: re-choosing it (or a variant Electron maps to it) must not
      // be refused as taken by ourselves. It is taken back if the new one cannot be had.
      if (registered) release(accelerator);
      if (!tryRegister(check.accelerator)) {
        if (registered) registered = tryRegister(accelerator);
        return {
          ok: false,
          reason: 'taken',
          ...sentence('shortcut.taken', { accelerator: check.accelerator }),
        };
      }
      accelerator = check.accelerator;
      registered = true;
      changed();
      return { ok: true };
    },
    status,
    stop() {
      deps.globalShortcut.unregisterAll();
      registered = false;
    },
  };
}
