/**
 * Where a conversation's model and parameters are kept between sends: in the history (the
 * conversation's row) once it exists, in this tab's session storage while the chat is unsent.
 * New chats start from Settings (defaultModel, defaultParams).
 */
import type { ChatParams } from '../../../electron/contract';
import { qwen } from '../api/qwen';
import { useSettingsStore } from './settings-store';

export interface ConversationSettings {
  model: string;
  params: ChatParams;
}

const DRAFT_KEY = 'qwen-desk.draft-settings';
const SAVE_DELAY_MS = 300;
let pending: ReturnType<typeof setTimeout> | null = null;
let flushPending: (() => void) | null = null;

/** Keeps the settings; for a saved conversation, after a short pause (typing a prompt is many changes). */
export function keepSettings(conversationId: number | null, settings: ConversationSettings): void {
  if (pending) clearTimeout(pending);
  pending = null;
  flushPending = null;
  if (conversationId === null) {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(settings));
    return;
  }
  const save = () => {
    pending = null;
    flushPending = null;
    void qwen().invoke('conversation.settings.update', { conversationId, ...settings });
  };
  flushPending = save;
  pending = setTimeout(save, SAVE_DELAY_MS);
}

/** Writes a change still waiting (before the window goes away or another conversation opens). */
export function flushSettings(): void {
  flushPending?.();
}

// A reload right after a change: send the change on its way (best effort; the socket is still open).
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => flushSettings());

/** Once a chat is saved, its settings live with it. */
export function forgetDraft(): void {
  sessionStorage.removeItem(DRAFT_KEY);
}

/** The unsent chat's settings, if the user changed any in this tab. */
export function draftSettings(): ConversationSettings | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    const value = raw ? (JSON.parse(raw) as ConversationSettings) : null;
    return value && typeof value.model === 'string' && typeof value.params === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** What a new chat starts with: Settings' defaults, once Settings has loaded. */
export function defaultSettings(): ConversationSettings | null {
  const settings = useSettingsStore.getState().view?.settings;
  return settings ? { model: settings.defaultModel, params: { ...settings.defaultParams } } : null;
}
