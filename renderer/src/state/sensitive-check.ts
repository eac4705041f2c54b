/**
 * Issue 15, item 11 ("Do not transmit sensitive personal information", the API document's advice):
 * before a question or an edit is sent, main checks it (electron/shared/sensitive-content.ts,
 * with the user's own key, which only main knows). Something found holds the message: nothing is
 * sent until the person chooses "Send anyway" or "Remove it" (SensitiveWarning.tsx). A setting
 * turns the check off.
 */
import { create } from 'zustand';
import type { SensitiveFinding } from '../../../electron/shared/sensitive-content';
import { qwen } from '../api/qwen';
import { useSettingsStore } from './settings-store';

export interface HeldMessage {
  text: string;
  findings: SensitiveFinding[];
  /** Set when the held message is an edit of question `editId` (keeping its attachments at `keep`). */
  editId?: string;
  keep?: number[];
  /** Attached text files where something was found (their text as it was checked). */
  files?: HeldFile[];
}

export interface HeldFile {
  fileName: string;
  text: string;
  findings: SensitiveFinding[];
}

/** A text file going with the message: it leaves the machine as much as the message does. */
export interface CheckedFile {
  fileName: string;
  text: string;
}

export const useSensitiveWarning = create<{ held: HeldMessage | null; clear(): void }>((set) => ({
  held: null,
  clear: () => set({ held: null }),
}));

/**
 * True when `text` is held (the warning is showing); false when it may go: nothing found, the check
 * turned off, or the check itself failed (it is advice: a failure never blocks sending).
 */
export async function holdIfSensitive(
  text: string,
  editId?: string,
  keep?: number[],
  files: readonly CheckedFile[] = [],
): Promise<boolean> {
  useSensitiveWarning.setState({ held: null });
  if (useSettingsStore.getState().view?.settings.checkSensitive === false) return false;
  const check = async (t: string) => {
    const result = t ? await qwen().invoke('message.checkSensitive', { text: t }) : null;
    return result?.ok ? result.value.findings : [];
  };
  const [findings, ...inFiles] = await Promise.all([check(text), ...files.map((f) => check(f.text))]);
  const held = files.flatMap((f, i) => (inFiles[i]!.length > 0 ? [{ ...f, findings: inFiles[i]! }] : []));
  if (findings!.length === 0 && held.length === 0) return false;
  useSensitiveWarning.setState({
    held: {
      text,
      findings: findings!,
      ...(editId ? { editId, keep } : {}),
      ...(held.length > 0 ? { files: held } : {}),
    },
  });
  return true;
}
