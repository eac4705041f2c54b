import type { AttachmentView } from '../../../../electron/contract';
import type { AttachmentsStore } from './attachments-store';

/**
 * The attachments of a question just sent, as its message shows them before the history answers:
 * the hash is the one main stores the same bytes under, so the thumbnails load from the same URL.
 */
export function localViews(store: AttachmentsStore): AttachmentView[] {
  return store.getState().items.map((i, index) => ({
    id: -(index + 1),
    kind: i.kind,
    fileName: i.fileName,
    mimeType: i.image?.mimeType ?? 'text/plain',
    width: i.image?.width ?? null,
    height: i.image?.height ?? null,
    byteSize: i.image?.bytes ?? i.text?.length ?? 0,
    sha256: i.image?.sha256 ?? '',
  }));
}
