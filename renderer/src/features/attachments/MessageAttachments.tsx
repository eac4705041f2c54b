import { useState } from 'react';
import type { AttachmentView } from '../../../../electron/contract';
import { attachmentUrl } from '../../api/qwen';
import { useT } from '../../i18n';
import { ImageViewer } from './ImageViewer';

/**
 * The images and files of a question, in its message: thumbnails (alt = the file name) that open
 * the full-size viewer, and the names of text files. Images come from the app's own origin by hash.
 */
export function MessageAttachments({ attachments }: { attachments: readonly AttachmentView[] }) {
  const t = useT();
  const [open, setOpen] = useState<AttachmentView | null>(null);
  return (
    <div className="message-attachments">
      {attachments.map((a) =>
        a.kind === 'image' ? (
          <button
            key={`${a.id}-${a.sha256}`}
            type="button"
            className="message-thumb"
            title={t('attachments.open', { name: a.fileName })}
            onClick={() => setOpen(a)}
          >
            <img src={attachmentUrl(a.sha256)} alt={a.fileName} loading="lazy" />
          </button>
        ) : (
          <span key={`${a.id}-${a.sha256}`} className="message-file">
            {a.fileName}
          </span>
        ),
      )}
      {open && <ImageViewer attachment={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
