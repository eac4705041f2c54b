/** The keyboard shortcuts, in one list: the handler and the help panel both read it. */
import type { MessageKey } from '../../i18n';

export interface Shortcut {
  keys: string[];
  what: MessageKey;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';
/**
 * Browser mode (no preload, so no `window.qwen` at load): browsers keep Ctrl/Cmd+N for a new window
 * and never pass it to the page, so New chat there is Ctrl/Cmd+Shift+O (ChatGPT's web app uses the
 * same, so hands may know it). Both work in both; the help panel lists the one that will.
 */
export const inBrowserMode = typeof window !== 'undefined' && !('qwen' in window);

export const shortcuts: Shortcut[] = [
  { keys: ['Enter'], what: 'shortcuts.send' },
  { keys: ['Shift', 'Enter'], what: 'shortcuts.newline' },
  { keys: inBrowserMode ? [mod, 'Shift', 'O'] : [mod, 'N'], what: 'shortcuts.newChat' },
  { keys: [mod, 'K'], what: 'shortcuts.search' },
  { keys: [mod, 'B'], what: 'shortcuts.sidebar' },
  { keys: ['Esc'], what: 'shortcuts.stop' },
  { keys: ['↑'], what: 'shortcuts.editLast' },
  { keys: [mod, '/'], what: 'shortcuts.help' },
];
