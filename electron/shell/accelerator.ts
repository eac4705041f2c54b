/**
 * Global-shortcut combinations in Electron's accelerator syntax ("CommandOrControl+Shift+Space"),
 * checked and written one way for the core (which saves them), the shell (which registers them)
 * and the renderer (which records them from key presses). Pure: no Node, Electron or DOM.
 */
import { sentence, type MainTextKey, type MainTextParams } from '../shared/main-text';

export const DEFAULT_QUICK_ASK_SHORTCUT = 'CommandOrControl+Shift+Space';

/** Modifiers in the order they are written; aliases are read as the name they stand for. */
const MODIFIERS = ['CommandOrControl', 'Command', 'Control', 'Alt', 'AltGr', 'Shift', 'Super'] as const;
type Modifier = (typeof MODIFIERS)[number];
const MODIFIER_ALIASES: Record<string, Modifier> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter', 'Up', 'Down', 'Left', 'Right',
  'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc', 'Plus', 'PrintScreen',
  'num0', 'num1', 'num2', 'num3', 'num4', 'num5', 'num6', 'num7', 'num8', 'num9',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
]; // prettier-ignore
const namedKey = new Map(NAMED_KEYS.map((k) => [k.toLowerCase(), k]));
const PUNCTUATION = new Set([...')!@#$%^&*(:;<=>?-_`~[]{}\\|\'",./']);

export type AcceleratorCheck =
  | { ok: true; accelerator: string }
  | { ok: false; reason: string; key: MainTextKey; params?: MainTextParams };

const refused = (key: MainTextKey, params?: MainTextParams): AcceleratorCheck => {
  const { message, ...rest } = sentence(key, params);
  return { ok: false, reason: message, ...rest };
};

/** The key part of an accelerator, written as Electron expects, or null when it is none. */
function keyName(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (/^f([1-9]|1\d|2[0-4])$/i.test(part)) return part.toUpperCase();
  if (PUNCTUATION.has(part)) return part;
  return namedKey.get(part.toLowerCase()) ?? null;
}

/**
 * Checks a combination and writes it in one normal form. A global shortcut needs at least one
 * modifier (other than Shift alone) and exactly one key: a bare letter would steal typing everywhere.
 */
export function normalizeAccelerator(input: string): AcceleratorCheck {
  const text = input.trim();
  if (text.length > 100) return refused('shortcut.tooLong');
  // "+" is both the separator and a key: "Ctrl++" ends with the Plus key.
  const parts = text.endsWith('++') ? [...text.slice(0, -2).split('+'), 'Plus'] : text.split('+');
  const modifiers = new Set<Modifier>();
  let key: string | null = null;
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) return refused('shortcut.incomplete');
    const modifier = MODIFIER_ALIASES[part.toLowerCase()];
    if (modifier) {
      modifiers.add(modifier);
      continue;
    }
    const name = keyName(part);
    if (!name) return refused('shortcut.badKey', { key: part.slice(0, 40) });
    if (key) return refused('shortcut.oneKey');
    key = name;
  }
  if (!key) return refused('shortcut.addKey');
  const withoutShift = [...modifiers].filter((m) => m !== 'Shift');
  if (withoutShift.length === 0 && !/^F\d+$/.test(key)) return refused('shortcut.needModifier');
  const ordered = MODIFIERS.filter((m) => modifiers.has(m));
  return { ok: true, accelerator: [...ordered, key].join('+') };
}

/** The parts of a key press the renderer records (KeyboardEvent's fields, without the DOM type). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/**
 * The accelerator a key press stands for, or null while only modifiers are held. Ctrl (Cmd on
 * macOS) is written CommandOrControl, so a combination saved on one system means the same on another.
 */
export function acceleratorFromKeyPress(press: KeyPress, mac: boolean): string | null {
  const key = keyFromCode(press.code) ?? keyName(press.key === ' ' ? 'Space' : press.key);
  if (!key) return null;
  const mods: string[] = [];
  if (mac ? press.metaKey : press.ctrlKey) mods.push('CommandOrControl');
  if (mac && press.ctrlKey) mods.push('Control');
  if (press.altKey) mods.push('Alt');
  if (press.shiftKey) mods.push('Shift');
  if (!mac && press.metaKey) mods.push('Super');
  return [...mods, key].join('+');
}

/** Layout-independent keys from `KeyboardEvent.code` (Shift+1 is "1", not "!"). */
function keyFromCode(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^Digit(\d)$/.exec(code);
  if (digit) return digit[1]!;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  const map: Record<string, string> = {
    Space: 'Space',
    Enter: 'Enter',
    Tab: 'Tab',
    Backspace: 'Backspace',
    Delete: 'Delete',
    ArrowUp: 'Up',
    ArrowDown: 'Down',
    ArrowLeft: 'Left',
    ArrowRight: 'Right',
    Home: 'Home',
    End: 'End',
    PageUp: 'PageUp',
    PageDown: 'PageDown',
  };
  return map[code] ?? null;
}

/** Whether a key is only a modifier (the combination is not finished yet). */
export const isModifierKey = (key: string): boolean =>
  ['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS'].includes(key);
