/**
 * Image answers (issue 14): a prompt goes into the conversation as a question, its answer is an
 * image job (history/image-jobs-table.ts) that runs here. Sync models get their images in the one
 * request; async ones create a task whose id is saved at once, then are polled (poll-schedule.ts)
 * until the task ends, also after a restart (`resume`). Every result is downloaded the moment it is
 * ready (result-download.ts) and kept as an attachment of the answer, by hash, so the picture
 * outlives its 24-hour link. Each change is saved, then sent as an `image.job` event.
 */
import type { AppError, ImageJobView, ImageRequest } from '../contract';
import { AppErrorException, appError, fail } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import { describeModel } from '../shared/models';
import { imageRefusals } from '../shared/image-params';
import { MAX_EDIT_IMAGE_BYTES } from '../shared/image-models';
import type { HistoryStore } from '../history/history-store';
import type { ImageJobChange } from '../history/image-jobs-table';
import { toConversation } from '../history/rows';
import type { EventHub } from '../core/event-hub';
import { mapQwenError, QwenApiError } from '../qwen/errors';
import type { ImageOutcome, TaskSnapshot } from '../qwen/image-client';
import { asAttachment, downloadResults } from './result-download';
import type { ImageTransport } from './image-transport';
import { nextPollDelay, PollGate, TASK_LIFETIME_MS } from './poll-schedule';

export interface ImageJobsDeps {
  store: HistoryStore;
  hub: EventHub;
  clock: Clock;
  transport: () => Promise<ImageTransport>;
}

export interface GenerateInput {
  conversationId?: number | undefined;
  model: string;
  request: ImageRequest;
  editImages?: string[] | undefined;
}

interface Running {
  timer: unknown;
  lastDelay: number | null;
  abort: AbortController;
}

export class ImageJobs {
  private readonly running = new Map<number, Running>();
  private readonly gate: PollGate;
  private disposed = false;

  constructor(private readonly deps: ImageJobsDeps) {
    this.gate = new PollGate(deps.clock);
  }

  private get store() {
    return this.deps.store;
  }

  /** Writes the question and the answer's job, then starts it; returns at once with the job. */
  generate(input: GenerateInput) {
    const model = describeModel(input.model);
    if (!model.image) fail('invalid_argument', 'image.notImageModel', { params: { model: model.name } });
    const edits = input.editImages ?? [];
    const refused = imageRefusals(model, input.request, edits.length);
    if (refused[0])
      fail('invalid_argument', refused[0].key, {
        params: refused[0].values,
        detail: refused.map((r) => r.message).join(' '),
      });
    const inputs = edits.map(
      (sha) => this.store.attachments.blob(sha) ?? fail('not_found', 'image.editGone'),
    );
    if (inputs.some((b) => b.data.length > MAX_EDIT_IMAGE_BYTES))
      fail('invalid_argument', 'image.editTooBig');
    const now = this.deps.clock.now();
    const request = { ...input.request, prompt: input.request.prompt.trim() };
    const ids = this.store.db.transaction(() => {
      const conversationId =
        input.conversationId ??
        this.store.conversations.create({ now, model: input.model, params: null, origin: null });
      const conversation =
        this.store.conversations.row(conversationId) ?? fail('not_found', 'history.noConversation');
      const parentId = conversation.current_leaf_id;
      const userId = this.store.messages.insert({
        conversationId,
        parentId,
        role: 'user',
        content: request.prompt,
        now,
      });
      // An edit's question shows the images it changes (their bytes are already kept, by hash).
      this.store.attachments.add(
        userId,
        inputs.map((b, i) => asAttachment(b.data, b.mimeType, `edit-input-${i + 1}`)),
        now,
      );
      const assistantId = this.store.messages.insert({
        conversationId,
        parentId: userId,
        role: 'assistant',
        content: '',
        model: input.model,
        status: 'done',
        now,
      });
      this.store.imageJobs.insert({
        messageId: assistantId,
        model: input.model,
        api: model.image!.api,
        request,
        editImages: edits,
        now,
      });
      this.store.conversations.setLeaf(conversationId, assistantId);
      this.store.conversations.touch(conversationId, now, input.model, undefined);
      return { conversationId, userMessageId: userId, assistantMessageId: assistantId };
    })();
    const row = this.store.conversations.row(ids.conversationId);
    if (row) this.deps.hub.emit('history.conversation.updated', toConversation(row)); // the sidebar
    const job = this.view(ids.assistantMessageId);
    this.background(ids.assistantMessageId, this.run(ids.assistantMessageId));
    return { ...ids, job };
  }

  /** Cancels a PENDING task (the API refuses a RUNNING one: the answer says so). */
  async cancel(messageId: number): Promise<ImageJobView> {
    const job = this.store.imageJobs.get(messageId) ?? fail('not_found', 'image.jobGone');
    if (job.api !== 'async' || job.state !== 'queued' || !job.taskId)
      fail('invalid_argument', 'image.cancelQueuedOnly');
    const transport = await this.deps.transport();
    try {
      await transport.client.cancelTask(job.taskId);
    } catch (err) {
      // Most likely it started drawing meanwhile: the next poll will show it.
      fail('invalid_argument', 'image.cancelTooLate', {
        detail: err instanceof Error ? err.message : String(err),
      });
    }
    this.stop(messageId);
    this.save(messageId, { state: 'canceled', finishedAt: this.deps.clock.now() });
    return this.view(messageId);
  }

  /** At start: tasks still queued or drawing are polled again; a download cut short is retried. */
  resume(): void {
    for (const job of this.store.imageJobs.open()) {
      if (job.state === 'downloading')
        this.background(
          job.messageId,
          this.download(job.messageId, this.store.imageJobs.pendingUrls(job.messageId)),
        );
      else if (job.taskId && (job.state === 'queued' || job.state === 'running')) this.poll(job.messageId, 0);
      else this.finishWith(job.messageId, appError('image_interrupted', 'image.closedBeforeReady'));
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  /**
   * Work nobody awaits (a job's run, a poll, a resumed download): whatever it throws — a bug, or the
   * history closed under it at quit — ends that job with a reason instead of an unhandled rejection,
   * which would take the whole process down.
   */
  private background(messageId: number, work: Promise<void>): void {
    work.catch((err: unknown) => {
      if (this.disposed || !this.store.isOpen) return;
      this.finishWith(
        messageId,
        err instanceof AppErrorException
          ? err.appError
          : appError('internal', 'image.internal', {
              detail: err instanceof Error ? err.message : String(err),
            }),
      );
    });
  }

  private view(messageId: number): ImageJobView {
    return this.store.imageJobs.get(messageId) ?? fail('not_found', 'image.jobGone');
  }

  /** Saves a change and tells the windows; nothing once the history is closed (quit). */
  private save(messageId: number, change: ImageJobChange): ImageJobView | null {
    if (this.disposed || !this.store.isOpen) return null;
    if (!this.store.messages.get(messageId)) return null; // deleted meanwhile
    this.store.imageJobs.update(messageId, change, this.deps.clock.now());
    const view = this.store.imageJobs.get(messageId);
    if (view) this.deps.hub.emit('image.job', view);
    return view;
  }

  private stop(messageId: number): void {
    const r = this.running.get(messageId);
    if (!r) return;
    this.deps.clock.clearTimeout(r.timer);
    r.abort.abort();
    this.running.delete(messageId);
  }

  private slot(messageId: number): Running {
    let r = this.running.get(messageId);
    if (!r) {
      r = { timer: null, lastDelay: null, abort: new AbortController() };
      this.running.set(messageId, r);
    }
    return r;
  }

  private async run(messageId: number): Promise<void> {
    const job = this.view(messageId);
    const slot = this.slot(messageId);
    try {
      const transport = await this.deps.transport();
      if (job.api === 'sync') {
        const inputs = this.store.imageJobs.editImages(messageId).map((sha) => {
          const blob = this.store.attachments.blob(sha) ?? fail('not_found', 'image.editGone');
          return `data:${blob.mimeType};base64,${blob.data.toString('base64')}`;
        });
        const outcome = await transport.client.generate(job.model, job.request, inputs, slot.abort.signal);
        await this.results(messageId, outcome);
      } else {
        const task = await transport.client.createTask(job.model, job.request, slot.abort.signal);
        this.save(messageId, {
          taskId: task.taskId,
          state: task.status === 'RUNNING' ? 'running' : 'queued',
        });
        this.poll(messageId, undefined);
      }
    } catch (err) {
      if (slot.abort.signal.aborted) return;
      this.finishWith(messageId, await this.errorOf(err, job.model));
    }
  }

  /** Schedules the next poll (`delay` 0: now, at a resume; absent: the schedule's next wait). */
  private poll(messageId: number, delay: number | undefined): void {
    if (this.disposed) return;
    const slot = this.slot(messageId);
    const job = this.store.imageJobs.get(messageId);
    if (!job) return this.stop(messageId);
    const wait = delay ?? nextPollDelay(this.deps.clock.now() - job.submittedAt, slot.lastDelay);
    if (delay === undefined) slot.lastDelay = wait;
    slot.timer = this.deps.clock.setTimeout(() => this.background(messageId, this.pollOnce(messageId)), wait);
  }

  private async pollOnce(messageId: number): Promise<void> {
    const job = this.store.isOpen ? this.store.imageJobs.get(messageId) : null;
    const slot = this.running.get(messageId);
    if (!job || !job.taskId || !slot || this.disposed) return;
    if (this.deps.clock.now() - job.submittedAt > TASK_LIFETIME_MS)
      return this.finishWith(messageId, appError('result_expired', 'image.taskGone'));
    await this.gate.take();
    let task: TaskSnapshot;
    try {
      task = await (await this.deps.transport()).client.getTask(job.taskId, slot.abort.signal);
    } catch (err) {
      if (slot.abort.signal.aborted) return;
      const error = await this.errorOf(err, job.model);
      // A rejected key or a refused request will not get better; anything else is tried again later.
      if (['auth', 'no_api_key', 'key_host_unconfirmed', 'access_denied'].includes(error.code))
        return this.finishWith(messageId, error);
      return this.poll(messageId, undefined);
    }
    switch (task.status) {
      case 'PENDING':
      case 'RUNNING':
        this.save(messageId, { state: task.status === 'PENDING' ? 'queued' : 'running' });
        return this.poll(messageId, undefined);
      case 'SUCCEEDED':
        return this.results(messageId, task);
      case 'CANCELED':
        this.stop(messageId);
        this.save(messageId, { state: 'canceled', finishedAt: this.deps.clock.now() });
        return;
      case 'FAILED':
        return this.finishWith(messageId, await this.errorOf(taskError(task), job.model));
      default:
        return this.finishWith(messageId, appError('result_expired', 'image.taskUnknown'));
    }
  }

  /** Results are in: what is billed and what failed is saved, then every image downloaded. */
  private async results(messageId: number, outcome: ImageOutcome): Promise<void> {
    const urls = outcome.results.flatMap((r) => ('url' in r ? [r.url] : []));
    const failed = outcome.results.length - urls.length;
    const refusal = outcome.results.find((r) => 'code' in r);
    this.save(messageId, {
      state: 'downloading',
      actualPrompt: outcome.actualPrompt,
      pendingUrls: urls,
      billedImages: outcome.imageCount ?? urls.length,
      failedImages: failed,
    });
    if (urls.length === 0) {
      const job = this.view(messageId);
      const error =
        refusal && 'code' in refusal
          ? taskError({ error: refusal })
          : new QwenApiError({ message: 'No image came back.', status: 502 });
      return this.finishWith(messageId, await this.errorOf(error, job.model));
    }
    await this.download(messageId, urls, refusal && 'code' in refusal ? refusal : null);
  }

  private async download(
    messageId: number,
    urls: string[],
    refusal: { code: string; message: string } | null = null,
  ) {
    const slot = this.slot(messageId);
    const job = this.store.imageJobs.get(messageId);
    if (!job) return this.stop(messageId);
    let transport: ImageTransport | null = null;
    try {
      transport = await this.deps.transport();
    } catch {
      // Downloads need no key: without one the links are still fetched directly.
    }
    const { kept, firstError, aborted } = await downloadResults(urls, `${job.model}-`, {
      allowedOrigin: transport?.allowedOrigin ?? null,
      signal: slot.abort.signal,
      ...(transport?.fetch ? { fetch: transport.fetch } : {}),
    });
    if (aborted) return;
    if (this.disposed || !this.store.isOpen || !this.store.messages.get(messageId)) return;
    const now = this.deps.clock.now();
    this.store.db.transaction(() => this.store.attachments.add(messageId, kept, now))();
    const moderated =
      refusal && !firstError ? await this.errorOf(taskError({ error: refusal }), job.model) : null;
    this.stop(messageId);
    this.save(messageId, {
      state: kept.length > 0 ? 'done' : 'failed',
      pendingUrls: null,
      finishedAt: now,
      error: firstError ?? moderated,
    });
  }

  private finishWith(messageId: number, error: AppError): void {
    this.stop(messageId);
    this.save(messageId, { state: 'failed', finishedAt: this.deps.clock.now(), error, billedImages: 0 });
  }

  private async errorOf(err: unknown, model: string): Promise<AppError> {
    if (err instanceof AppErrorException) return err.appError;
    const context = await this.deps
      .transport()
      .then((t) => t.errorContext(model))
      .catch(() => ({}));
    return mapQwenError(err, context);
  }
}

/** A failed task (or one refused result) as the API error errors.ts knows how to word. */
function taskError(task: Pick<TaskSnapshot, 'error'>): QwenApiError {
  return new QwenApiError({
    message: task.error?.message ?? '',
    code: task.error?.code ?? null,
    type: task.error?.code ?? null,
    status: 400,
  });
}
