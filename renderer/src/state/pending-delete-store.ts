/**
 * Deleting is undoable (issue 15, item 4): a delete hides what it removes at once and shows
 * "Deleted — Undo" for UNDO_MS; only then is the history asked to delete (and wipe) it. One delete
 * waits at a time: a second one, or anything that writes to the history on top of what is hidden
 * (a new question, regenerate, opening another conversation), carries out the waiting one first,
 * so nothing new is ever parented to rows about to go. Closing the window carries it out too.
 *
 * Kept in the renderer, not main: nothing is removed from the history until the time is up, so a
 * crash or a lost window during those seconds loses nothing (the rows are simply still there).
 */
import { create } from 'zustand';
import type { MessageKey } from '../i18n';

export const UNDO_MS = 10_000;

export interface PendingDelete {
  /** What the notice says was deleted ("Deleted “<title>”", "Deleted 6 messages"), as i18n key and params. */
  label: { key: MessageKey; params?: Record<string, string | number> };
  /** Asks the history to delete; resolves when it has answered. */
  commit(): Promise<void>;
  /** Shows what was hidden again (nothing was deleted). */
  restore(): void;
}

interface PendingDeleteState {
  pending: PendingDelete | null;
  /** Hides nothing itself: the caller has already hidden what `p` deletes. */
  schedule(p: PendingDelete): Promise<void>;
  undo(): void;
  /** Carries out the waiting delete now (before a write that depends on it). */
  flush(): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const usePendingDelete = create<PendingDeleteState>((set, get) => ({
  pending: null,
  async schedule(p) {
    await get().flush();
    set({ pending: p });
    timer = setTimeout(() => void get().flush(), UNDO_MS);
  },
  undo() {
    const p = get().pending;
    if (!p) return;
    clearTimeout(timer);
    set({ pending: null });
    p.restore();
  },
  async flush() {
    const p = get().pending;
    if (!p) return;
    clearTimeout(timer);
    set({ pending: null });
    await p.commit();
  },
}));

/** Before anything writes to the history on top of what a waiting delete hides. */
export const flushPendingDelete = (): Promise<void> => usePendingDelete.getState().flush();

if (typeof window !== 'undefined') {
  // The request is sent before the page goes (IPC and WebSocket both send synchronously).
  window.addEventListener('pagehide', () => void flushPendingDelete());
}
