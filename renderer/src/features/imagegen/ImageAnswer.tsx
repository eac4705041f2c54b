import { useEffect, useState } from 'react';
import type { AttachmentView, ImageJobView } from '../../../../electron/contract';
import { attachmentUrl } from '../../api/qwen';
import { useLocale, useT } from '../../i18n';
import { useCatalog } from '../../state/catalog-store';
import { useChatStore } from '../../state/chat-store';
import { ImageViewer } from '../attachments/ImageViewer';
import { ErrorNotice } from '../chat/ErrorNotice';
import { formatMoney } from '../chat/format';
import { cancelImage, saveImage, useImagegen } from './imagegen-store';
import { localError } from './image-errors';
import { plural } from './image-money';

/** The model "Edit this image" switches to when the open one cannot edit. */
export const DEFAULT_EDIT_MODEL = 'qwen-image-edit-plus';

/** Seconds since `since`, ticking once a second while `running`. */
function useElapsed(since: number, until: number | null, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.round(((until ?? now) - since) / 1000));
}

/**
 * An image answer: its progress ("Queued" with "Cancel", "Drawing… 12 s"), then the kept images
 * (each opens the viewer, with "Save image" and "Edit this image"), the prompt as Qwen rewrote it,
 * what failed and why, and the cost of the images made (failures are free).
 */
export function ImageAnswer({ saved }: { saved: ImageJobView }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const live = useImagegen((s) => s.jobs[saved.messageId]);
  const job = live && live.state !== 'submitting' ? live : saved;
  const price = useCatalog((s) => s.models.find((m) => m.id === job.model)?.image?.regionPrice);
  const [open, setOpen] = useState<AttachmentView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const working = ['submitting', 'queued', 'running', 'downloading'].includes(job.state);
  const elapsed = useElapsed(job.submittedAt, job.finishedAt, working);

  const edit = (image: AttachmentView) => {
    const models = useCatalog.getState().models;
    const current = models.find((m) => m.id === useChatStore.getState().model);
    if (!current?.image?.edit) useChatStore.getState().setModel(DEFAULT_EDIT_MODEL);
    useImagegen.getState().setEditSource(image);
  };
  const status =
    job.state === 'queued'
      ? t('imagegen.queued')
      : job.state === 'running' || job.state === 'submitting'
        ? t('imagegen.drawing', { seconds: elapsed })
        : job.state === 'downloading'
          ? t('imagegen.downloading')
          : job.state === 'canceled'
            ? t('imagegen.canceled')
            : null;
  return (
    <div className="image-answer" data-image-state={job.state} aria-busy={working || undefined}>
      {status && (
        <p className="image-status" role="status">
          {status}
          {job.state === 'queued' && (
            <button
              type="button"
              className="link-button"
              onClick={() => void cancelImage(job.messageId).then((e) => setProblem(e?.message ?? null))}
            >
              {t('imagegen.cancel')}
            </button>
          )}
        </p>
      )}
      {job.images.length > 0 && (
        <ul className="image-results" aria-label={t('imagegen.results')}>
          {job.images.map((image, i) => (
            <li key={image.sha256 + i}>
              <button
                type="button"
                className="image-result"
                title={t('attachments.open', { name: image.fileName })}
                onClick={() => setOpen(image)}
              >
                <img
                  src={attachmentUrl(image.sha256)}
                  alt={t('imagegen.resultAlt', { n: i + 1, prompt: job.request.prompt })}
                />
              </button>
              <div className="image-result-actions">
                <button
                  type="button"
                  onClick={() => void saveImage(image).then((e) => setProblem(e?.message ?? null))}
                >
                  {t('imagegen.save')}
                </button>
                <button type="button" onClick={() => edit(image)}>
                  {t('imagegen.edit')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {job.actualPrompt && job.actualPrompt !== job.request.prompt && (
        <p className="image-actual-prompt">
          <strong>{t('imagegen.actualPrompt')}</strong> {job.actualPrompt}
        </p>
      )}
      {job.failedImages > 0 && job.images.length > 0 && (
        <p className="note">
          {t(plural('imagegen.someFailed', job.failedImages, locale), { n: job.failedImages })}
        </p>
      )}
      {job.error && <ErrorNotice error={localError(job.error, t)} />}
      {problem && (
        <p role="alert" className="control-error">
          {problem}
        </p>
      )}
      {!working && (
        <p className="usage">
          {job.billedImages === 0
            ? t('imagegen.free')
            : t(plural('imagegen.usage', job.billedImages, locale), { n: job.billedImages }) +
              (price ? ` · ${formatMoney(job.billedImages * price.perImage, price.currency, locale)}` : '')}
        </p>
      )}
      {open && <ImageViewer attachment={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
