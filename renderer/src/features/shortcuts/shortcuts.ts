/** The keyboard shortcuts, in one list: the handler and the help panel both read it. */
import type { MessageKey } from '../../i18n';

export interface Shortcut {
  keys: string[];
  what: MessageKey;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

export const shortcuts: Shortcut[] = [
  { keys: ['Enter'], what: 'shortcuts.send' },
  { keys: ['Shift', 'Enter'], what: 'shortcuts.newline' },
  { keys: [mod, 'N'], what: 'shortcuts.newChat' },
  { keys: [mod, 'K'], what: 'shortcuts.search' },
  { keys: ['Esc'], what: 'shortcuts.stop' },
  { keys: ['↑'], what: 'shortcuts.editLast' },
  { keys: [mod, '/'], what: 'shortcuts.help' },
];
