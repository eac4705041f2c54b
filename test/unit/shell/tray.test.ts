import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShortcutStatusView } from '../../../electron/contract';
import {
  findTrayIcon,
  keepsRunningInTray,
  trayMenuTemplate,
  trayToolTip,
} from '../../../electron/shell/tray';

const status = (state: ShortcutStatusView['state']): ShortcutStatusView => ({
  accelerator: 'CommandOrControl+Shift+Space',
  state,
  wayland: false,
  command: 'qwen-desk --quick-ask',
});

describe('the tray', () => {
  it('menu: Quick ask (with its accelerator when held), Open Qwen Desk, Quit; each item acts', () => {
    const done: string[] = [];
    const actions = {
      quickAsk: () => done.push('quick'),
      openMain: () => done.push('main'),
      quit: () => done.push('quit'),
    };
    const menu = trayMenuTemplate(status('registered'), actions);
    expect(menu.map((i) => i.label ?? i.type)).toEqual(['Quick ask', 'Open Qwen Desk', 'separator', 'Quit']);
    expect(menu[0]).toMatchObject({
      accelerator: 'CommandOrControl+Shift+Space',
      registerAccelerator: false,
    });
    for (const item of menu) item.click?.({} as never, undefined, {} as never);
    expect(done).toEqual(['quick', 'main', 'quit']);
    expect(trayMenuTemplate(status('failed'), actions)[0]).not.toHaveProperty('accelerator');
  });

  it('tooltip says when the shortcut could not be had', () => {
    expect(trayToolTip(status('failed'))).toMatch(/CommandOrControl\+Shift\+Space could not be registered/);
    expect(trayToolTip(status('registered'))).toBe('Qwen Desk — quick ask: CommandOrControl+Shift+Space');
    expect(trayToolTip(status('off'))).toBe('Qwen Desk');
  });

  it('takes the packaged icon before the source tree one, and none when neither is there', () => {
    const files = new Set([
      path.join('/res/tray', 'tray-windows.ico'),
      path.join('/src/tray', 'tray-windows.ico'),
    ]);
    const exists = (f: string) => files.has(f);
    expect(findTrayIcon('win32', ['/res/tray', '/src/tray'], exists)).toBe(
      path.join('/res/tray', 'tray-windows.ico'),
    );
    expect(findTrayIcon('linux', ['/res/tray', '/src/tray'], exists)).toBeNull();
  });

  it("finds the installers' real icon set in build/tray for each platform (the names cannot drift)", () => {
    expect(findTrayIcon('darwin', ['build/tray'])).toBe(path.join('build/tray', 'trayTemplate.png'));
    expect(findTrayIcon('win32', ['build/tray'])).toBe(path.join('build/tray', 'tray-windows.ico'));
    expect(findTrayIcon('linux', ['build/tray'])).toBe(path.join('build/tray', 'tray-linux.png'));
  });

  it('closing the main window keeps the app in the tray on Windows and Linux only, when the setting is on and a tray exists', () => {
    expect(keepsRunningInTray('linux', true, true)).toBe(true);
    expect(keepsRunningInTray('win32', true, true)).toBe(true);
    expect(keepsRunningInTray('darwin', true, true)).toBe(false);
    expect(keepsRunningInTray('linux', false, true)).toBe(false);
    expect(keepsRunningInTray('linux', true, false)).toBe(false);
  });
});
