/** The main window's attachments (issue 10; window-attachments.ts). */
import { createWindowAttachments } from './window-attachments';

export const mainWindowAttachments = createWindowAttachments();
const main = mainWindowAttachments;
export const mainAttachments = main.store;
export const attachToMain = main.attach;
export const outgoingAttachments = main.outgoing;
