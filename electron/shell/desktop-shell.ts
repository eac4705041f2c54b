/**
 * The desktop parts of the shell (issue 11), wired together: the quick window (pre-created,
 * hidden), its global shortcut, the tray, close-to-tray, the single instance's `second-instance`
 * argv and macOS's `open-url`, and the first launch's own argv. Each part's logic is its own plain
 * module; this one only connects them to Electron's objects, which come in through `Pick<>`s of
 * Electron's real types, so the shell test can drive it with a recording stand-in.
 */
import type { ShortcutStatusView } from '../contract';
import type { DesktopControls } from '../core/handlers/quick-handlers';
import { parseDeepLink, parseLaunchArgs, type LaunchRequest } from './launch-args';
import { createQuickWindowController, type QuickWindowHandle, type ScreenApi } from './quick-window';
import { createQuickAskShortcut, type ShortcutApi } from './shortcuts';
import { keepsRunningInTray, trayMenuTemplate, trayToolTip, type MenuApi, type TrayHandle } from './tray';
import { sentence } from '../shared/main-text';

export type DesktopApp = Pick<Electron.App, 'on' | 'quit'> & Partial<Pick<Electron.App, 'hide'>>;

export type MainWindowHandle = Pick<
  Electron.BrowserWindow,
  'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus' | 'isFocused' | 'hide' | 'on'
> & { webContents: Pick<Electron.WebContents, 'send' | 'isLoading' | 'once'> };

export interface DesktopDeps {
  app: DesktopApp;
  platform: NodeJS.Platform;
  globalShortcut: ShortcutApi;
  screen: ScreenApi;
  Menu: MenuApi;
  /** Makes the tray with this icon (main.ts: a template image on macOS); null = no icon found. */
  createTray: (() => TrayHandle) | null;
  /** The quick window, created hidden; the main window, made (again) on demand. */
  quickWindow: QuickWindowHandle;
  /** The main window made at start (first, so it is the app's first window), and how to make it again. */
  mainWindow: MainWindowHandle;
  openMainWindow: () => MainWindowHandle;
  /** The saved settings at start. */
  settings: { quickAskShortcut: string; keepInTray: boolean };
  /** Read when the main window closes, so a change in Settings applies at once. */
  keepInTray: () => boolean;
  wayland: boolean;
  command: string;
  /** This launch's argv (a first launch with `--quick-ask` opens the quick window). */
  argv: readonly string[];
  log: (message: string) => void;
  /** Wire names of the events sent to one window. */
  events: { quickShown: string; openConversation: string };
}

export interface Desktop {
  controls: DesktopControls;
  /** What a launch's argv or link asked for, as handled (for logging and tests). */
  handle(request: LaunchRequest): void;
}

export function startDesktop(deps: DesktopDeps): Desktop {
  const { app, platform } = deps;
  let main = deps.mainWindow;
  let quitting = false;

  const quick = createQuickWindowController({
    window: deps.quickWindow,
    screen: deps.screen,
    app,
    platform,
    isMainWindowFocused: () => !main.isDestroyed() && main.isFocused(),
    eventName: deps.events.quickShown,
  });

  function showMain(): MainWindowHandle {
    if (main.isDestroyed()) main = trackMain(deps.openMainWindow());
    if (main.isMinimized()) main.restore();
    main.show();
    main.focus();
    return main;
  }

  // --- the tray: built after the shortcut's first state is known, rebuilt when it changes ---
  let tray: TrayHandle | null = null;
  const trayActions = {
    quickAsk: () => quick.show(),
    openMain: () => void showMain(),
    quit: () => app.quit(),
  };
  const refreshTray = (status: ShortcutStatusView) => {
    if (!tray) return;
    tray.setContextMenu(deps.Menu.buildFromTemplate(trayMenuTemplate(status, trayActions)));
    tray.setToolTip(trayToolTip(status));
  };

  const shortcut = createQuickAskShortcut({
    globalShortcut: deps.globalShortcut,
    onPress: () => quick.toggle(),
    wayland: deps.wayland,
    command: deps.command,
    onChange: refreshTray,
  });
  shortcut.start(deps.settings.quickAskShortcut);
  const initial = shortcut.status();
  if (initial.state === 'failed')
    deps.log(`The quick-ask shortcut ${initial.accelerator} could not be registered.`);

  if (deps.createTray) {
    try {
      tray = deps.createTray();
      tray.on('click', () => quick.show());
      refreshTray(initial);
    } catch (err) {
      tray = null;
      deps.log(`No tray icon: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else deps.log('No tray icon file was found; the app runs without a tray.');

  /** Close-to-tray on Windows and Linux; without it, closing the main window quits (the quick window is not a reason to stay). */
  function trackMain(win: MainWindowHandle): MainWindowHandle {
    win.on('close', (event) => {
      if (quitting) return;
      if (keepsRunningInTray(platform, deps.keepInTray(), !!tray)) {
        event.preventDefault();
        win.hide();
      } else if (platform !== 'darwin') {
        quitting = true;
        app.quit();
      }
    });
    return win;
  }
  trackMain(main);

  function handle(request: LaunchRequest): void {
    if (request.kind === 'quick-ask') quick.show(request.prefill);
    else showMain();
  }

  app.on('second-instance', (_event, argv) => handle(parseLaunchArgs(argv)));
  // macOS hands links to the running app this way (and at launch, before ready).
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const request = parseDeepLink(url);
    if (request.kind !== 'none') handle(request);
  });
  // macOS: a click on the Dock icon shows the main window (the hidden quick window always exists).
  app.on('activate', () => void showMain());
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => {
    shortcut.stop();
    tray?.destroy();
    tray = null;
  });

  const first = parseLaunchArgs(deps.argv);
  if (first.kind === 'quick-ask') quick.show(first.prefill);

  return {
    handle,
    controls: {
      shortcutStatus: () => shortcut.status(),
      changeShortcut: (accelerator) => shortcut.change(accelerator),
      showMainWindow(conversationId) {
        if (!quick.isPinned()) quick.hide();
        const win = showMain();
        const send = () => win.webContents.send(deps.events.openConversation, { conversationId });
        // A window made just now gets the request once its page has loaded.
        if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
        else send();
      },
      takePendingPrefill: () => quick.takePendingPrefill(),
      hideQuickWindow() {
        quick.hide();
        return true;
      },
      setQuickPinned: (pinned) => quick.setPinned(pinned),
      fitQuickWindow: (height) => quick.fitContent(height),
    },
  };
}

/**
 * Controls whose implementation arrives later: the core is built before the windows exist, and
 * calls made before then answer as browser mode does (no desktop yet).
 */
export function lateDesktopControls(): { controls: DesktopControls; attach(impl: DesktopControls): void } {
  let impl: DesktopControls | null = null;
  const unavailable: ShortcutStatusView = {
    accelerator: '',
    state: 'unavailable',
    wayland: false,
    command: '',
  };
  return {
    attach: (next) => void (impl = next),
    controls: {
      shortcutStatus: () => impl?.shortcutStatus() ?? unavailable,
      changeShortcut: (a) =>
        impl?.changeShortcut(a) ?? { ok: false, reason: 'invalid', ...sentence('shortcut.starting') },
      showMainWindow: (id) => impl?.showMainWindow(id),
      hideQuickWindow: () => impl?.hideQuickWindow() ?? false,
      takePendingPrefill: () => impl?.takePendingPrefill() ?? null,
      setQuickPinned: (p) => impl?.setQuickPinned(p),
      fitQuickWindow: (h) => impl?.fitQuickWindow(h) ?? h,
    },
  };
}
