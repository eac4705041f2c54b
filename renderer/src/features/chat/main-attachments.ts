/**
 * The main window's attachments (issue 10): its own store, and how files reach it from the drop
 * overlay, paste and the picker — fitted for the conversation's model and resolution.
 */
import { createAttachmentsStore, fitTargetFor } from '../attachments';
import { useChatStore } from '../../state/chat-store';

export const mainAttachments = createAttachmentsStore();

export function attachToMain(files: File[]): void {
  const { model, params } = useChatStore.getState();
  void mainAttachments.getState().addFiles(files, fitTargetFor(model, params.highResolution === true));
}
