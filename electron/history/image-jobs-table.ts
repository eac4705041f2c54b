import type Database from 'better-sqlite3';
import type { AppError, ImageJobState, ImageJobView, ImageRequest } from '../contract';
import type { AttachmentsTable } from './attachments-table';

interface JobRow {
  message_id: number;
  conversation_id: number;
  model: string;
  api: 'sync' | 'async';
  state: ImageJobState;
  task_id: string | null;
  request: string;
  edit_images: string | null;
  submitted_at: number;
  finished_at: number | null;
  actual_prompt: string | null;
  pending_urls: string | null;
  billed_images: number;
  failed_images: number;
  error: string | null;
}

export interface NewImageJob {
  messageId: number;
  model: string;
  api: 'sync' | 'async';
  request: ImageRequest;
  editImages: string[];
  now: number;
}

/** What a job may change as it goes (state, task id, results, the error). */
export interface ImageJobChange {
  state?: ImageJobState;
  taskId?: string | null;
  finishedAt?: number | null;
  actualPrompt?: string | null;
  pendingUrls?: string[] | null;
  billedImages?: number;
  failedImages?: number;
  error?: AppError | null;
}

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/** Image answers (migration 006); their images are the message's attachments. */
export class ImageJobsTable {
  constructor(
    private readonly db: Database.Database,
    private readonly attachments: AttachmentsTable,
  ) {}

  insert(job: NewImageJob): void {
    this.db
      .prepare(
        `INSERT INTO image_jobs (message_id, model, api, state, request, edit_images, submitted_at, updated_at)
         VALUES (?, ?, ?, 'submitting', ?, ?, ?, ?)`,
      )
      .run(
        job.messageId,
        job.model,
        job.api,
        JSON.stringify(job.request),
        job.editImages.length ? JSON.stringify(job.editImages) : null,
        job.now,
        job.now,
      );
  }

  update(messageId: number, change: ImageJobChange, now: number): void {
    const sets: string[] = ['updated_at = @now'];
    const values: Record<string, unknown> = { id: messageId, now };
    const column = (name: string, value: unknown) => {
      sets.push(`${name} = @${name}`);
      values[name] = value;
    };
    if (change.state !== undefined) column('state', change.state);
    if (change.taskId !== undefined) column('task_id', change.taskId);
    if (change.finishedAt !== undefined) column('finished_at', change.finishedAt);
    if (change.actualPrompt !== undefined) column('actual_prompt', change.actualPrompt);
    if (change.pendingUrls !== undefined)
      column('pending_urls', change.pendingUrls ? JSON.stringify(change.pendingUrls) : null);
    if (change.billedImages !== undefined) column('billed_images', change.billedImages);
    if (change.failedImages !== undefined) column('failed_images', change.failedImages);
    if (change.error !== undefined) column('error', change.error ? JSON.stringify(change.error) : null);
    this.db.prepare(`UPDATE image_jobs SET ${sets.join(', ')} WHERE message_id = @id`).run(values);
  }

  private row(messageId: number): JobRow | undefined {
    return this.db
      .prepare<[number], JobRow>(
        `SELECT j.*, m.conversation_id FROM image_jobs j JOIN messages m ON m.id = j.message_id
         WHERE j.message_id = ?`,
      )
      .get(messageId);
  }

  get(messageId: number): ImageJobView | null {
    const row = this.row(messageId);
    return row ? this.toView(row) : null;
  }

  /** The links still to download (a quit cut the download short). */
  pendingUrls(messageId: number): string[] {
    return parse<string[]>(this.row(messageId)?.pending_urls ?? null) ?? [];
  }

  editImages(messageId: number): string[] {
    return parse<string[]>(this.row(messageId)?.edit_images ?? null) ?? [];
  }

  /** Jobs a quit left unfinished, oldest first (resumed, or settled, at the next start). */
  open(): ImageJobView[] {
    return this.db
      .prepare<[], JobRow>(
        `SELECT j.*, m.conversation_id FROM image_jobs j JOIN messages m ON m.id = j.message_id
         WHERE j.state IN ('submitting', 'queued', 'running', 'downloading') ORDER BY j.submitted_at`,
      )
      .all()
      .map((r) => this.toView(r));
  }

  private toView(r: JobRow): ImageJobView {
    return {
      messageId: r.message_id,
      conversationId: r.conversation_id,
      model: r.model,
      api: r.api,
      state: r.state,
      taskId: r.task_id,
      request: JSON.parse(r.request) as ImageRequest,
      submittedAt: r.submitted_at,
      finishedAt: r.finished_at,
      actualPrompt: r.actual_prompt,
      images: this.attachments.forMessage(r.message_id),
      failedImages: r.failed_images,
      billedImages: r.billed_images,
      error: parse<AppError>(r.error),
    };
  }
}
