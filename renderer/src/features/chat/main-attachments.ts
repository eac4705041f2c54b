/**
 * The main window's attachments (issue 10): its own store, and how files reach it from the drop
 * overlay, paste and the picker — fitted for the conversation's model and resolution.
 */
import { createAttachmentsStore, fitTargetFor, localViews } from '../attachments';
import { useChatStore, type OutgoingAttachments } from '../../state/chat-store';

export const mainAttachments = createAttachmentsStore();

export function attachToMain(files: File[]): void {
  const { model, params } = useChatStore.getState();
  void mainAttachments.getState().addFiles(files, fitTargetFor(model, params.highResolution === true));
}

/** What the main window sends with its question: the tray's attachments, or nothing when it is empty. */
export function outgoingAttachments(): OutgoingAttachments | undefined {
  if (mainAttachments.getState().items.length === 0) return undefined;
  return { inputs: mainAttachments.getState().toInput(), views: localViews(mainAttachments) };
}
