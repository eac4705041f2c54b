/**
 * Attachments (issue 10), as any window mounts them:
 *
 *   const store = createAttachmentsStore();            // one per composer
 *   const dragging = useFileIntake((files) => store.getState().addFiles(files, target));
 *   <DropOverlay visible={dragging} />                  // full-window overlay
 *   <AttachButton onFiles={…} />                        // "Attach images"
 *   const a = useComposerAttachments({ store, modelId, highResolution, models, earlier });
 *   <AttachmentTray store={store} {...a} … />            // chips, total, vision notice
 *   send(text, { inputs: store.getState().toInput(), views: localViews(store) })
 *   <MessageAttachments attachments={message.attachments} />  // thumbnails + "Image viewer"
 */
import './attachments.css';

export { createAttachmentsStore, type AttachmentsStore, type FitTarget } from './attachments-store';
export { AttachButton } from './AttachButton';
export { AttachmentTray } from './AttachmentTray';
export { DropOverlay } from './DropOverlay';
export { MessageAttachments } from './MessageAttachments';
export { ImageViewer } from './ImageViewer';
export { useFileIntake } from './use-file-intake';
export { useComposerAttachments } from './use-composer-attachments';
export { fitTargetFor } from './vision-rules';
export { localViews } from './local-views';
