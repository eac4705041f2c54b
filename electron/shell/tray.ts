/**
 * The tray: its icon (a template image on macOS, the right size per OS), its menu ("Quick ask"
 * with the accelerator, "Open Qwen Desk", "Quit"), its tooltip (which names a shortcut that could
 * not be had, never silent), and what a left click does (the quick window). The menu's template is
 * a plain value, so it is tested without Electron.
 *
 * The icons are the installers issue's set rendered from build/icon.svg into build/tray/ (packaged
 * into resources/tray/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ShortcutStatusView } from '../contract';

export type TrayHandle = Pick<Electron.Tray, 'setContextMenu' | 'setToolTip' | 'on' | 'destroy'>;
export type MenuApi = Pick<typeof Electron.Menu, 'buildFromTemplate'>;

export interface TrayActions {
  quickAsk(): void;
  openMain(): void;
  quit(): void;
}

export function trayMenuTemplate(
  shortcut: ShortcutStatusView,
  actions: TrayActions,
): Electron.MenuItemConstructorOptions[] {
  return [
    {
      label: 'Quick ask',
      // Shown beside the item; the global shortcut itself is registered elsewhere.
      ...(shortcut.state === 'registered'
        ? { accelerator: shortcut.accelerator, registerAccelerator: false }
        : {}),
      click: () => actions.quickAsk(),
    },
    { label: 'Open Qwen Desk', click: () => actions.openMain() },
    { type: 'separator' },
    { label: 'Quit', role: 'quit', click: () => actions.quit() },
  ];
}

export function trayToolTip(shortcut: ShortcutStatusView): string {
  if (shortcut.state === 'failed')
    return `Qwen Desk — the quick-ask shortcut ${shortcut.accelerator} could not be registered (taken by another app?). Change it in Settings.`;
  if (shortcut.state === 'registered') return `Qwen Desk — quick ask: ${shortcut.accelerator}`;
  return 'Qwen Desk';
}

/** The icon file per platform (the installers issue's names, scripts/icons.mjs). */
export function trayIconCandidates(platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') return ['trayTemplate.png'];
  if (platform === 'win32') return ['tray-windows.ico'];
  return ['tray-linux.png'];
}

/**
 * The first icon that exists in the given folders (packaged resources/tray, the source tree's
 * build/tray), or null: then the tray is left out and the
 * app still runs (logged, not fatal).
 */
export function findTrayIcon(
  platform: NodeJS.Platform,
  folders: string[],
  exists: (file: string) => boolean = fs.existsSync,
): string | null {
  for (const name of trayIconCandidates(platform)) {
    for (const folder of folders) {
      const file = path.join(folder, name);
      if (exists(file)) return file;
    }
  }
  return null;
}

/** Whether closing the main window keeps the app running in the tray (Windows and Linux only). */
export function keepsRunningInTray(
  platform: NodeJS.Platform,
  keepInTray: boolean,
  trayShown: boolean,
): boolean {
  return platform !== 'darwin' && keepInTray && trayShown;
}
