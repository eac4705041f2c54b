import { afterEach, describe, expect, it, vi } from 'vitest';
import { centredIn, QUICK_MAX_HEIGHT, QUICK_MIN_HEIGHT, resized } from '../../../electron/shell/placement';
import {
  createQuickWindowController,
  quickWindowOptions,
  UNPIN_POLL_FOR_MS,
  UNPIN_POLL_MS,
  type QuickWindowHandle,
} from '../../../electron/shell/quick-window';

/** A recording stand-in of the BrowserWindow the controller drives. */
function fakeWindow() {
  const calls: string[] = [];
  const listeners = new Map<string, () => void>();
  let visible = false;
  let minimized = false;
  let focused = false;
  let bounds = { x: 0, y: 0, width: 620, height: 150 };
  const sent: unknown[] = [];
  const win = {
    show: () => {
      calls.push('show');
      visible = true;
      minimized = false;
    },
    hide: () => {
      calls.push('hide');
      visible = false;
    },
    focus: () => calls.push('focus'),
    isFocused: () => focused,
    isVisible: () => visible,
    isDestroyed: () => false,
    isMinimized: () => minimized,
    setBounds: (b: typeof bounds) => {
      calls.push(`setBounds ${b.x},${b.y},${b.width}x${b.height}`);
      bounds = b;
    },
    getBounds: () => bounds,
    setAlwaysOnTop: (flag: boolean, level?: string) => calls.push(`alwaysOnTop ${flag} ${level}`),
    setOpacity: (o: number) => calls.push(`opacity ${o}`),
    minimize: () => {
      calls.push('minimize');
      minimized = true;
    },
    on: (name: string, listener: () => void) => {
      listeners.set(name, listener);
      return win;
    },
    webContents: { send: (_channel: string, payload: unknown) => sent.push(payload) },
  };
  return {
    win: win as unknown as QuickWindowHandle,
    calls,
    sent,
    fire: (name: string) => listeners.get(name)?.(),
    setFocused: (f: boolean) => void (focused = f),
  };
}

const screen = {
  getCursorScreenPoint: () => ({ x: 3000, y: 500 }),
  getDisplayNearestPoint: (p: { x: number }) =>
    ({
      workArea:
        p.x >= 1920
          ? { x: 1920, y: 0, width: 2560, height: 1400 }
          : { x: 0, y: 0, width: 1920, height: 1040 },
    }) as Electron.Display,
};

function make(platform: NodeJS.Platform, mainFocused = false) {
  const w = fakeWindow();
  const appCalls: string[] = [];
  const quick = createQuickWindowController({
    window: w.win,
    screen,
    app: { hide: () => appCalls.push('app.hide') },
    platform,
    isMainWindowFocused: () => mainFocused,
    eventName: 'qwen:event:quick.shown',
  });
  return { ...w, quick, appCalls };
}

describe('the quick window', () => {
  it('is made hidden, frameless, on top, out of the taskbar; a panel on macOS', () => {
    expect(quickWindowOptions('linux')).toMatchObject({
      show: false,
      frame: false,
      skipTaskbar: true,
      alwaysOnTop: true,
    });
    expect(quickWindowOptions('linux')).not.toHaveProperty('type');
    expect(quickWindowOptions('darwin')).toMatchObject({ type: 'panel' });
  });

  it('shows centred on the display holding the cursor, focused, with the pre-fill sent to the page', () => {
    const q = make('linux');
    q.quick.show('hello');
    expect(q.calls).toEqual([
      `setBounds ${1920 + (2560 - 620) / 2},${(1400 - 150) / 2},620x150`,
      'show',
      'focus',
    ]);
    expect(q.sent).toEqual([{ prefill: 'hello' }]);
  });

  it('hides on blur only after it had focus, and never when pinned', () => {
    const q = make('linux');
    q.quick.show();
    q.fire('blur'); // a blur before the window got focus (the flash-and-vanish bug) is ignored
    expect(q.calls).not.toContain('hide');
    q.fire('focus');
    q.quick.setPinned(true);
    q.fire('blur');
    expect(q.calls).not.toContain('hide');
    q.quick.setPinned(false);
    q.fire('blur');
    expect(q.calls.at(-1)).toBe('hide');
  });

  it('macOS: floating level re-applied after each show; focus handed back with app.hide() unless our main window had it', () => {
    const q = make('darwin');
    q.quick.show();
    expect(q.calls.slice(-2)).toEqual(['alwaysOnTop true floating', 'focus']);
    q.quick.hide();
    expect(q.appCalls).toEqual(['app.hide']);
    const fromMain = make('darwin', true);
    fromMain.quick.show();
    fromMain.quick.hide();
    expect(fromMain.appCalls).toEqual([]);
  });

  it('Windows: faded and minimized instead of hidden, shown again with show() and setBounds()', () => {
    const q = make('win32');
    q.quick.show();
    q.quick.hide();
    expect(q.calls.slice(-2)).toEqual(['opacity 0', 'minimize']);
    q.quick.toggle();
    expect(q.calls.slice(-4)).toEqual([expect.stringMatching(/^setBounds/), 'opacity 1', 'show', 'focus']);
  });

  it('grows with the content up to the maximum, inside the work area', () => {
    const q = make('linux');
    q.quick.show();
    expect(q.quick.fitContent(400)).toBe(400);
    expect(q.quick.fitContent(5000)).toBe(QUICK_MAX_HEIGHT);
    expect(q.quick.fitContent(10)).toBe(QUICK_MIN_HEIGHT);
    const area = { x: 0, y: 0, width: 1000, height: 700 };
    expect(resized({ x: 10, y: 500, width: 620, height: 150 }, 640, area)).toEqual({
      x: 10,
      y: 60,
      width: 620,
      height: 640,
    });
    expect(centredIn({ x: 0, y: 0, width: 500, height: 100 }, { width: 620, height: 150 })).toEqual({
      x: 0,
      y: 0,
      width: 500,
      height: 100,
    });
  });
});

describe('macOS: unpinning while blur events are lost (electron#3222)', () => {
  afterEach(() => vi.useRealTimers());

  it('polls focus after unpinning and hides once it is gone, for at most 30 s', () => {
    vi.useFakeTimers();
    const m = make('darwin');
    m.quick.show();
    m.setFocused(true);
    m.fire('focus');
    m.quick.setPinned(true);
    m.quick.setPinned(false);
    vi.advanceTimersByTime(UNPIN_POLL_MS * 5);
    expect(m.calls.filter((c) => c === 'hide')).toHaveLength(0); // still focused: stays
    m.setFocused(false); // a click elsewhere, and no blur event came
    vi.advanceTimersByTime(UNPIN_POLL_MS);
    expect(m.calls.filter((c) => c === 'hide')).toHaveLength(1);
    expect(m.appCalls).toEqual(['app.hide']);
  });

  it('stops polling when pinned again, and after 30 s', () => {
    vi.useFakeTimers();
    const m = make('darwin');
    m.quick.show();
    m.setFocused(true);
    m.quick.setPinned(false);
    m.quick.setPinned(true);
    m.setFocused(false);
    vi.advanceTimersByTime(UNPIN_POLL_MS * 10);
    expect(m.calls.filter((c) => c === 'hide')).toHaveLength(0);
    m.quick.setPinned(false);
    m.setFocused(true);
    vi.advanceTimersByTime(UNPIN_POLL_FOR_MS + UNPIN_POLL_MS * 2);
    m.setFocused(false);
    vi.advanceTimersByTime(UNPIN_POLL_MS * 5);
    expect(m.calls.filter((c) => c === 'hide')).toHaveLength(0);
  });

  it('does not poll on other systems (their blur events arrive)', () => {
    vi.useFakeTimers();
    const m = make('linux');
    m.quick.show();
    m.quick.setPinned(false);
    m.setFocused(false);
    vi.advanceTimersByTime(UNPIN_POLL_MS * 5);
    expect(m.calls.filter((c) => c === 'hide')).toHaveLength(0);
  });
});
