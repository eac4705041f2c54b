/**
 * A window's attachments (issue 10): its own store, how files reach it (drop overlay, paste, the
 * picker) fitted for the conversation's model and resolution, and what goes with its question.
 * The main window and the quick window each make one.
 */
import { createAttachmentsStore, fitTargetFor, localViews, type AttachmentsStore } from '../attachments';
import { useChatStore, type OutgoingAttachments } from '../../state/chat-store';

export interface WindowAttachments {
  store: AttachmentsStore;
  attach(files: File[]): void;
  /** The tray's attachments for the question, or nothing when it is empty. */
  outgoing(): OutgoingAttachments | undefined;
}

export function createWindowAttachments(): WindowAttachments {
  const store = createAttachmentsStore();
  return {
    store,
    attach(files) {
      const { model, params } = useChatStore.getState();
      void store.getState().addFiles(files, fitTargetFor(model, params.highResolution === true));
    },
    outgoing() {
      if (store.getState().items.length === 0) return undefined;
      return { inputs: store.getState().toInput(), views: localViews(store) };
    },
  };
}
