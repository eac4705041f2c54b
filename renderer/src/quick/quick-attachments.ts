/**
 * The quick window's attachments (issue 11, with issue 10's pieces): its own store, fed by paste
 * and drop anywhere on the window and by "Attach images", fitted for the conversation's model.
 */
import { createAttachmentsStore, fitTargetFor, localViews } from '../features/attachments';
import { useChatStore, type OutgoingAttachments } from '../state/chat-store';

export const quickAttachments = createAttachmentsStore();

export function attachToQuick(files: File[]): void {
  const { model, params } = useChatStore.getState();
  void quickAttachments.getState().addFiles(files, fitTargetFor(model, params.highResolution === true));
}

/** What goes with the quick question: the tray's attachments, or nothing when it is empty. */
export function quickOutgoing(): OutgoingAttachments | undefined {
  if (quickAttachments.getState().items.length === 0) return undefined;
  return { inputs: quickAttachments.getState().toInput(), views: localViews(quickAttachments) };
}
