/** The composer's draft and, when a question is being edited, which one (Up in an empty composer). */
import { create } from 'zustand';
import type { AttachmentView } from '../../../../electron/contract';

interface ComposerState {
  text: string;
  editingId: string | null;
  /** Bumped to ask the composer to take focus. */
  focusSeq: number;
  /** Issue 10: the edited question's attachments the edit keeps (Remove drops one). */
  editingAttachments: AttachmentView[];
  dropEditingAttachment(id: number): void;
  setText(text: string): void;
  startEditing(id: string, text: string, attachments?: AttachmentView[]): void;
  cancelEditing(): void;
  focus(): void;
}

export const useComposer = create<ComposerState>((set) => ({
  text: '',
  editingId: null,
  focusSeq: 0,
  editingAttachments: [],
  dropEditingAttachment: (id) =>
    set((s) => ({ editingAttachments: s.editingAttachments.filter((a) => a.id !== id) })),
  setText: (text) => set({ text }),
  startEditing: (id, text, attachments = []) =>
    set((s) => ({ editingId: id, text, editingAttachments: attachments, focusSeq: s.focusSeq + 1 })),
  cancelEditing: () => set({ editingId: null, text: '', editingAttachments: [] }),
  focus: () => set((s) => ({ focusSeq: s.focusSeq + 1 })),
}));
