/** The composer's draft and, when a question is being edited, which one (Up in an empty composer). */
import { create } from 'zustand';

interface ComposerState {
  text: string;
  editingId: string | null;
  /** Bumped to ask the composer to take focus. */
  focusSeq: number;
  setText(text: string): void;
  startEditing(id: string, text: string): void;
  cancelEditing(): void;
  focus(): void;
}

export const useComposer = create<ComposerState>((set) => ({
  text: '',
  editingId: null,
  focusSeq: 0,
  setText: (text) => set({ text }),
  startEditing: (id, text) => set((s) => ({ editingId: id, text, focusSeq: s.focusSeq + 1 })),
  cancelEditing: () => set({ editingId: null, text: '' }),
  focus: () => set((s) => ({ focusSeq: s.focusSeq + 1 })),
}));
