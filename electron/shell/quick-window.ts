/**
 * The quick window's behaviour: created hidden at start (so the first show is instant and the page
 * never rebuilds on show), shown centred on the display that holds the cursor, hidden on Esc and
 * on blur unless pinned, giving focus back to the app that had it. The platform recipes
 * (desktop-parts.md §2b): on macOS the `floating` level is re-applied after each show (macOS
 * silently demotes it) and `app.hide()` returns focus to the previous app, unless our own main
 * window had it; on Windows the window is faded and minimized rather than hidden (no flash) and
 * shown again with show() + setBounds, not restore().
 */
import type { EventPayload } from '../contract';
import { centredIn, quickHeightFor, resized, QUICK_MIN_HEIGHT, QUICK_WIDTH, type Rect } from './placement';

export type QuickWindowHandle = Pick<
  Electron.BrowserWindow,
  | 'show'
  | 'hide'
  | 'focus'
  | 'isVisible'
  | 'isFocused'
  | 'isDestroyed'
  | 'setBounds'
  | 'getBounds'
  | 'setAlwaysOnTop'
  | 'setOpacity'
  | 'minimize'
  | 'isMinimized'
  | 'on'
> & { webContents: Pick<Electron.WebContents, 'send'> };
export type ScreenApi = Pick<Electron.Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>;
export type HideApp = Partial<Pick<Electron.App, 'hide'>>;

/** The BrowserWindow options that differ from the main window's (the webPreferences are shared). */
export function quickWindowOptions(platform: NodeJS.Platform): Electron.BrowserWindowConstructorOptions {
  return {
    width: QUICK_WIDTH,
    height: QUICK_MIN_HEIGHT,
    show: false,
    frame: false,
    resizable: false,
    minimizable: platform === 'win32', // Windows hides it by minimizing (no flash)
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Qwen Desk — Quick ask',
    ...(platform === 'darwin' ? { type: 'panel' } : {}),
  };
}

export interface QuickWindowController {
  /** Shows the window (pre-filled when `prefill` is given), or brings it forward when it is open. */
  show(prefill?: string | null): void;
  /** Hides it; focus goes back to the app that had it. */
  hide(): void;
  toggle(): void;
  setPinned(pinned: boolean): void;
  /** The page's content height (px): the window grows with the answer, up to the maximum. */
  fitContent(contentHeight: number): number;
  isPinned(): boolean;
  /** The last show's pre-fill, once (for a page that was still loading when it was sent). */
  takePendingPrefill(): string | null;
}

export const UNPIN_POLL_MS = 200;
export const UNPIN_POLL_FOR_MS = 30_000;

export function createQuickWindowController(deps: {
  window: QuickWindowHandle;
  screen: ScreenApi;
  app: HideApp;
  platform: NodeJS.Platform;
  /** Whether our own main window had focus before the quick window was shown (macOS focus return). */
  isMainWindowFocused: () => boolean;
  eventName: string;
  /** Timers (a test passes fake ones). */
  timers?: { setInterval: typeof setInterval; clearInterval: typeof clearInterval };
}): QuickWindowController {
  const { window: win, platform } = deps;
  let pinned = false;
  /** Set on show; a blur counts only once the window has had focus since (no flash-and-vanish). */
  let focusedSinceShow = false;
  let mainHadFocus = false;
  let contentHeight = QUICK_MIN_HEIGHT;
  let pendingPrefill: string | null = null;
  const timers = deps.timers ?? { setInterval, clearInterval };
  /**
   * macOS: an always-on-top panel stops getting `blur` after a click outside, inside, outside while
   * pinned (electron/electron#3222, wontfix). After unpinning, focus is polled instead, every
   * UNPIN_POLL_MS for at most UNPIN_POLL_FOR_MS, and the window hides once it has lost it.
   */
  let unpinPoll: ReturnType<typeof setInterval> | undefined;
  const stopUnpinPoll = () => {
    if (unpinPoll !== undefined) timers.clearInterval(unpinPoll);
    unpinPoll = undefined;
  };

  const workArea = (): Rect =>
    deps.screen.getDisplayNearestPoint(deps.screen.getCursorScreenPoint()).workArea;
  const visible = () => !win.isDestroyed() && win.isVisible() && !(platform === 'win32' && win.isMinimized());

  win.on('focus', () => {
    focusedSinceShow = true;
  });
  win.on('blur', () => {
    if (!pinned && focusedSinceShow && visible()) hide();
  });

  function show(prefill: string | null = null): void {
    if (win.isDestroyed()) return;
    if (!visible()) {
      mainHadFocus = deps.isMainWindowFocused();
      focusedSinceShow = false;
      win.setBounds(centredIn(workArea(), { width: QUICK_WIDTH, height: quickHeightFor(contentHeight) }));
      if (platform === 'win32') win.setOpacity(1);
    }
    win.show();
    if (platform === 'darwin') win.setAlwaysOnTop(true, 'floating');
    win.focus();
    pendingPrefill = prefill;
    const payload: EventPayload<'quick.shown'> = { prefill };
    win.webContents.send(deps.eventName, payload);
  }

  function hide(): void {
    if (win.isDestroyed() || !visible()) return;
    if (platform === 'win32') {
      win.setOpacity(0);
      win.minimize();
      return;
    }
    win.hide();
    // macOS: hiding the app hands focus back to the app the user was in, unless that was us.
    if (platform === 'darwin' && !mainHadFocus) deps.app.hide?.();
  }

  return {
    show,
    hide,
    toggle: () => (visible() ? hide() : show()),
    setPinned(next) {
      pinned = next;
      stopUnpinPoll();
      if (platform !== 'darwin') return;
      win.setAlwaysOnTop(true, 'floating');
      if (next) return;
      const until = Date.now() + UNPIN_POLL_FOR_MS;
      unpinPoll = timers.setInterval(() => {
        if (pinned || win.isDestroyed() || !visible() || Date.now() > until) return stopUnpinPoll();
        if (!win.isFocused()) {
          stopUnpinPoll();
          hide();
        }
      }, UNPIN_POLL_MS);
    },
    fitContent(height) {
      contentHeight = height;
      const next = quickHeightFor(height);
      if (!win.isDestroyed() && visible()) win.setBounds(resized(win.getBounds(), next, workArea()));
      return next;
    },
    isPinned: () => pinned,
    takePendingPrefill() {
      const taken = pendingPrefill;
      pendingPrefill = null;
      return taken;
    },
  };
}
