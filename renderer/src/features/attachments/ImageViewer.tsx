import { useEffect, useRef } from 'react';
import type { AttachmentView } from '../../../../electron/contract';
import { attachmentUrl } from '../../api/qwen';
import { useT } from '../../i18n';

/** The full-size image in a modal dialog "Image viewer"; Esc, a click outside or Close shut it. */
export function ImageViewer({ attachment, onClose }: { attachment: AttachmentView; onClose(): void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="image-viewer"
      aria-label={t('attachments.viewer')}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current?.close();
      }}
    >
      <figure>
        <img src={attachmentUrl(attachment.sha256)} alt={attachment.fileName} />
        <figcaption>
          {attachment.fileName}
          {attachment.width && attachment.height ? ` · ${attachment.width} × ${attachment.height}` : ''}
        </figcaption>
      </figure>
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('attachments.close')}
      </button>
    </dialog>
  );
}
