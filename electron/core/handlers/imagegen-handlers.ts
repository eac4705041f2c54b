import type { HistoryStore } from '../../history/history-store';
import type { ImageJobs } from '../../imagegen/image-jobs';
import { fail } from '../../shared/app-error';
import type { HandlerGroup } from './types';

/** Issue 14: writes a kept image where the person chooses (Electron's save dialog); false = cancelled. */
export type ImageSaver = (fileName: string, data: Buffer) => Promise<boolean>;

/** The image channels; without a history (a newer version's file) they say it is not available. */
export function createImagegenHandlers(
  jobs: ImageJobs | null,
  store: HistoryStore | null,
  saveImage: ImageSaver | undefined,
): HandlerGroup<'image.generate' | 'image.cancel' | 'image.save'> {
  const need = (): ImageJobs => jobs ?? fail('internal', 'history.unavailable');
  return {
    'image.generate': async (input) => need().generate(input),
    'image.cancel': async ({ messageId }) => ({ job: await need().cancel(messageId) }),
    'image.save': async ({ sha256, fileName }) => {
      // Browser mode has no dialog: the page downloads the stored image from its own origin.
      if (!saveImage) return { saved: false, download: true };
      const blob = store?.attachments.blob(sha256);
      if (!blob || !blob.mimeType.startsWith('image/')) fail('not_found', 'image.notKept');
      return { saved: await saveImage(fileName, blob.data), download: false };
    },
  };
}
