/**
 * Issue 14: image answers in the JSON export, so an export keeps the pictures, not only their
 * prompts (their links expired long ago): the job's request, outcome and cost, and each kept image's
 * bytes (base64). An import checks them as a download is checked (a PNG, JPEG or WebP whose header
 * reads, under the size cap), and a job that was still running when exported comes in as cut off:
 * its task belongs to the other install.
 */
import { z } from 'zod';
import { appErrorSchema, imageJobStates, imageRequestSchema, type ImageJobView } from '../contract';
import { readImageHeader } from '../shared/image-header';
import { appError } from '../shared/app-error';
import { MAX_RESULT_BYTES } from '../imagegen/result-download';
import type { HistoryStore } from './history-store';

const MAX_IMAGES = 10;

const exportedImageSchema = z.object({
  fileName: z.string().min(1).max(255),
  dataBase64: z
    .string()
    .max(Math.ceil(MAX_RESULT_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
});

export const importedImageJobSchema = z.object({
  model: z.string().min(1).max(200),
  api: z.enum(['sync', 'async']),
  state: z.enum(imageJobStates),
  request: imageRequestSchema,
  actualPrompt: z.string().max(20_000).nullable(),
  billedImages: z.number().int().min(0).max(100),
  failedImages: z.number().int().min(0).max(100),
  error: appErrorSchema.nullable(),
  submittedAt: z.number().int().nonnegative(),
  finishedAt: z.number().int().nonnegative().nullable(),
  images: z.array(exportedImageSchema).max(MAX_IMAGES),
});
export type ExportedImageJob = z.infer<typeof importedImageJobSchema>;

const OPEN: readonly ImageJobView['state'][] = ['submitting', 'queued', 'running', 'downloading'];

/** The job of an answer, for the export; nothing for an ordinary answer (older exports match). */
export function exportImageJob(store: HistoryStore, messageId: number): { image?: ExportedImageJob } {
  const job = store.imageJobs.get(messageId);
  if (!job) return {};
  const images = job.images.flatMap((a) => {
    const blob = store.attachments.blob(a.sha256);
    return blob ? [{ fileName: a.fileName, dataBase64: blob.data.toString('base64') }] : [];
  });
  // Everything but what belongs to this install: the ids, the task (its poll is over), the bytes' hashes.
  const { messageId: _m, conversationId: _c, taskId: _t, images: _i, ...kept } = job;
  return { image: { ...kept, images } };
}

/** Why an imported image answer cannot be taken, or null. */
export function imageJobProblem(role: string, job: ExportedImageJob): string | null {
  if (role !== 'assistant') return 'an image job on a message that is not an answer';
  for (const image of job.images) {
    const header = readImageHeader(Buffer.from(image.dataBase64, 'base64'));
    if (!header || header.mime === 'image/gif') return `"${image.fileName}" is not a PNG, JPEG or WebP image`;
  }
  return null;
}

/** Writes an imported answer's job and images (inside the import's transaction). */
export function importImageJob(
  store: HistoryStore,
  messageId: number,
  job: ExportedImageJob,
  now: number,
): void {
  store.imageJobs.insert({
    messageId,
    model: job.model,
    api: job.api,
    request: job.request,
    editImages: [],
    now: job.submittedAt,
  });
  const open = OPEN.includes(job.state);
  store.imageJobs.update(
    messageId,
    {
      state: open ? 'failed' : job.state,
      actualPrompt: job.actualPrompt,
      billedImages: job.billedImages,
      failedImages: job.failedImages,
      finishedAt: job.finishedAt ?? now,
      error: open ? appError('image_interrupted', 'image.notReadyAtExport') : job.error,
    },
    now,
  );
  store.attachments.add(
    messageId,
    job.images.map((image) => {
      const data = Buffer.from(image.dataBase64, 'base64');
      const header = readImageHeader(data)!;
      return {
        kind: 'image',
        fileName: image.fileName,
        mimeType: header.mime,
        width: header.width,
        height: header.height,
        data,
      };
    }),
    now,
  );
}
