/** The main window's attachments (issue 10; window-attachments.ts). */
import { createWindowAttachments } from './window-attachments';

const main = createWindowAttachments();
export const mainAttachments = main.store;
export const attachToMain = main.attach;
export const outgoingAttachments = main.outgoing;
