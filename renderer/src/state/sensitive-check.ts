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
}

export const useSensitiveWarning = create<{ held: HeldMessage | null; clear(): void }>((set) => ({
  held: null,
  clear: () => set({ held: null }),
}));

/**
 * True when `text` is held (the warning is showing); false when it may go: nothing found, the check
 * turned off, or the check itself failed (it is advice: a failure never blocks sending).
 */
export async function holdIfSensitive(text: string, editId?: string, keep?: number[]): Promise<boolean> {
  useSensitiveWarning.setState({ held: null });
  if (useSettingsStore.getState().view?.settings.checkSensitive === false) return false;
  const result = await qwen().invoke('message.checkSensitive', { text });
  if (!result.ok || result.value.findings.length === 0) return false;
  useSensitiveWarning.setState({
    held: { text, findings: result.value.findings, ...(editId ? { editId, keep } : {}) },
  });
  return true;
}
