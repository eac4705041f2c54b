/** The quick window's attachments (issue 11, with issue 10's pieces; window-attachments.ts). */
import { createWindowAttachments } from '../features/chat/window-attachments';

export const quickWindowAttachments = createWindowAttachments();
const quick = quickWindowAttachments;
export const quickAttachments = quick.store;
export const attachToQuick = quick.attach;
export const quickOutgoing = quick.outgoing;
