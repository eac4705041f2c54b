/**
 * A window's attachments (issue 10): its own store, how files reach it (drop overlay, paste, the
 * picker) fitted for the conversation's model and resolution, and what goes with its question.
 * The main window and the quick window each make one.
 */
import { useShallow } from 'zustand/react/shallow';
import {
  createAttachmentsStore,
  fitTargetFor,
  localViews,
  useComposerAttachments,
  type AttachmentsStore,
} from '../attachments';
import { useCatalog } from '../../state/catalog-store';
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

/**
 * The composer's view of a window's attachments for the open conversation: its model and
 * resolution, the images already in it, the chips' checks, how many are in the tray, and the
 * "Switch to <model>" action. The main and the quick composer both mount it.
 */
export function useChatAttachments(store: AttachmentsStore) {
  const model = useChatStore((s) => s.model);
  const highResolution = useChatStore((s) => s.params.highResolution === true);
  const setSettings = useChatStore((s) => s.setSettings);
  const models = useCatalog((s) => s.models);
  const count = store((s) => s.items.length);
  // Shallow-compared: the composer must not re-render on every streamed delta.
  const earlier = useChatStore(useShallow((s) => s.messages.flatMap((m) => m.attachments ?? [])));
  const attachments = useComposerAttachments({ store, modelId: model, highResolution, models, earlier });
  return { attachments, count, switchTo: (id: string) => setSettings({ model: id }) };
}
