import type { AppError, AttachmentInput, ChatMessage, ChatParams, SendResult } from '../contract';
import { validateAttachments } from '../attachments/validate';
import { buildUserContent } from '../attachments/request-parts';
import { describeModel } from '../shared/models';
import { seesImages } from '../shared/params';
import type { HistoryStore } from '../history/history-store';
import type { MessageRow } from '../history/rows';
import { toConversation } from '../history/rows';
import { AppErrorException, appError, fail } from '../shared/app-error';
import { fallbackTitle, type ChatEngine } from './chat-engine';
import type { AnswerCache } from './answer-cache';
import { isTranslationModel } from '../shared/translation';
import type { Clock } from '../shared/clock';
import type { EventHub } from './event-hub';
import type { StreamRecorder } from './stream-recorder';

/** The instruction that makes Qwen pick up a cut answer where it stopped (Continue). */
export const CONTINUE_PROMPT =
  'Continue your previous answer exactly where it stopped. Do not repeat anything; do not add a preamble.';

/** A message some request is about to write into; `cancelled` when it was deleted meanwhile. */
interface Reservation {
  cancelled: boolean;
}

interface Target {
  model: string;
  params?: ChatParams | undefined;
}

/**
 * Conversations as the user has them: a question goes into the tree, the answer's row is written
 * before the stream starts, and the request to Qwen is built from the active path from the root.
 * Regenerating and editing add siblings; nothing is overwritten.
 */
export class ConversationService {
  /**
   * One writer per answer row, claimed synchronously before any await: between the check and the
   * recorder's `record` there is the await on `engine.start`, in which a second Continue would
   * otherwise pass the same check (two requests billed, one kept).
   */
  private readonly writing = new Map<number, Reservation>();

  constructor(
    private readonly store: HistoryStore,
    private readonly engine: ChatEngine,
    private readonly recorder: StreamRecorder,
    private readonly hub: EventHub,
    private readonly clock: Clock,
    /** Issue 14: the answer cache (absent: every question is asked). */
    private readonly answers: AnswerCache | null = null,
  ) {}

  message(id: number): MessageRow {
    return this.store.messages.get(id) ?? fail('not_found', 'history.noMessage');
  }

  private conversation(id: number) {
    return this.store.conversations.row(id) ?? fail('not_found', 'history.noConversation');
  }

  async send(
    input: Target & {
      conversationId?: number | undefined;
      content: string;
      attachments?: AttachmentInput[] | undefined;
      origin?: 'quick' | undefined;
    },
  ): Promise<SendResult> {
    const now = this.clock.now();
    // Issue 10: every image checked before anything is written; refused ones throw invalid_argument.
    const attachments = validateAttachments(input.attachments ?? []);
    const model = describeModel(input.model);
    if (attachments.some((a) => a.kind === 'image') && !model.custom && !seesImages(model))
      fail('invalid_argument', 'param.noVision', {
        params: { model: model.name },
        action: 'param.noVision.action',
      });
    const ids = this.store.db.transaction(() => {
      const conversationId =
        input.conversationId ??
        this.store.conversations.create({
          now,
          model: input.model,
          params: input.params ?? null,
          origin: input.origin ?? null,
        });
      const parentId = this.conversation(conversationId).current_leaf_id;
      const userId = this.addUser(conversationId, parentId, input.content, now);
      this.store.attachments.add(userId, attachments, now);
      return { conversationId, userId, assistantId: this.addAssistant(conversationId, userId, input, now) };
    })();
    return this.answer(ids.conversationId, ids.userId, ids.assistantId, input);
  }

  /** Another answer to the question: `messageId` is an answer (a sibling is added) or a question. */
  async regenerate(input: Target & { messageId: number }): Promise<SendResult> {
    const message = this.message(input.messageId);
    const question = message.role === 'assistant' ? message.parent_id : message.id;
    if (question === null || this.message(question).role !== 'user')
      fail('invalid_argument', 'history.regenerateAnswer');
    const assistantId = this.store.db.transaction(() =>
      this.addAssistant(message.conversation_id, question, input, this.clock.now()),
    )();
    // A new answer is what Regenerate (and "Ask again" on a cached answer) asks for: never the cache's.
    return this.answer(message.conversation_id, question, assistantId, input, { fromCache: false });
  }

  /** The question edited, as a new sibling of the original (which stays, with its answers). */
  async editAndResend(
    input: Target & { messageId: number; content: string; keepAttachments?: number[] | undefined },
  ): Promise<SendResult> {
    const original = this.message(input.messageId);
    if (original.role !== 'user') fail('invalid_argument', 'history.editOwn');
    const now = this.clock.now();
    const ids = this.store.db.transaction(() => {
      const userId = this.addUser(original.conversation_id, original.parent_id, input.content, now);
      // Issue 10: the edit keeps the original's images, or the ones the user did not remove.
      this.store.attachments.copy(original.id, userId, input.keepAttachments, now);
      return { userId, assistantId: this.addAssistant(original.conversation_id, userId, input, now) };
    })();
    return this.answer(original.conversation_id, ids.userId, ids.assistantId, input);
  }

  // --- Continue (issue 6): the same answer, resumed ---

  /**
   * Resumes a cut answer in place: Qwen gets the active path up to the question, the partial answer
   * and an instruction to go on; what streams is appended to the same row (status `streaming`
   * again, flushed as usual), and the end writes the final status, finish reason and the usage of
   * both requests. Nothing changes if the request cannot start.
   */
  async continueAnswer(input: Target & { messageId: number }): Promise<SendResult> {
    const message = this.message(input.messageId);
    if (message.role !== 'assistant' || message.parent_id === null)
      fail('invalid_argument', 'history.continueAnswer');
    if (message.status === 'streaming') fail('invalid_argument', 'history.stillWriting');
    if (!message.content) fail('invalid_argument', 'history.nothingToContinue');
    const slot = this.reserve(message.id);
    const conversationId = message.conversation_id;
    const base = { conversationId, userMessageId: message.parent_id, assistantMessageId: message.id };
    const saved = this.store.toHistoryMessage(message);
    const started = this.recorder.expectStream();
    try {
      const streamId = await this.engine.start({
        model: input.model,
        messages: [
          ...this.requestMessages(message.parent_id, input),
          { role: 'assistant', content: message.content },
          { role: 'user', content: CONTINUE_PROMPT },
        ],
        ...(input.params ? { params: input.params } : {}),
      });
      if (slot.cancelled) return this.abandon(base, streamId);
      const now = this.clock.now();
      this.store.db.transaction(() => {
        this.store.messages.resume(message.id, now);
        this.store.conversations.setLeaf(conversationId, message.id);
        this.store.conversations.touch(conversationId, now, input.model, input.params);
      })();
      this.recorder.record(streamId, message.id, undefined, {
        content: message.content,
        reasoning: message.reasoning,
        usage: saved.usage,
      });
      this.emitUpdated(conversationId);
      return { ...base, streamId, error: null };
    } catch (err) {
      if (!(err instanceof AppErrorException)) throw err;
      return { ...base, streamId: null, error: err.appError };
    } finally {
      this.release(message.id, slot);
      started();
    }
  }

  // --- One stream per answer; deleting cancels (issue 9) ---

  /** Claims the row for one request, or refuses (as data, through the handler) when one is writing it. */
  private reserve(messageId: number): Reservation {
    if (this.writing.has(messageId) || this.recorder.streamIdFor(messageId) !== null)
      fail('invalid_argument', 'history.stillWriting');
    const slot: Reservation = { cancelled: false };
    this.writing.set(messageId, slot);
    return slot;
  }

  private release(messageId: number, slot: Reservation): void {
    if (this.writing.get(messageId) === slot) this.writing.delete(messageId);
  }

  /** The row was deleted while its request started: the stream is stopped and nothing written. */
  private abandon(base: Omit<SendResult, 'streamId' | 'error'>, streamId: string): SendResult {
    this.engine.cancel(streamId);
    return { ...base, streamId: null, error: appError('not_found', 'history.answerDeleted') };
  }

  /**
   * Before a delete: every stream writing into a row that `doomed` picks is stopped (the HTTP request
   * aborted, so nothing more is billed) and forgotten by the recorder, so no write follows the delete.
   * Requests still starting are marked, and cancelled as soon as their stream exists.
   */
  cancelStreams(doomed: (row: MessageRow) => boolean): void {
    const ids = new Set([...this.writing.keys(), ...this.recorder.liveMessageIds()]);
    for (const id of ids) {
      const row = this.store.messages.get(id);
      if (!row || !doomed(row)) continue;
      const slot = this.writing.get(id);
      if (slot) slot.cancelled = true;
      this.writing.delete(id);
      const streamId = this.recorder.drop(id);
      if (streamId !== null) this.engine.cancel(streamId);
    }
  }

  private addUser(conversationId: number, parentId: number | null, content: string, now: number): number {
    return this.store.messages.insert({ conversationId, parentId, role: 'user', content, now });
  }

  /** The answer's row, written before the stream starts; it becomes the active leaf. */
  private addAssistant(conversationId: number, userId: number, target: Target, now: number): number {
    const id = this.store.messages.insert({
      conversationId,
      parentId: userId,
      role: 'assistant',
      content: '',
      model: target.model,
      params: target.params ?? null,
      status: 'streaming',
      now,
    });
    this.store.conversations.setLeaf(conversationId, id);
    this.store.conversations.touch(conversationId, now, target.model, target.params);
    return id;
  }

  /**
   * What Qwen is sent: the active path up to the question. The system prompt stays in the params:
   * the engine's parameter rules put it first (electron/shared/params.ts), for every caller alike.
   */
  requestMessages(userId: number, target?: Target): ChatMessage[] {
    const messages: ChatMessage[] = [];
    for (const row of this.store.activePath(userId)) {
      // Answers that never produced text (failed before the first token) are left out.
      if (row.role === 'assistant' && (!row.content || row.status === 'error' || row.status === 'streaming'))
        continue;
      // Issue 10: a question's images go again with every later turn (the model needs them).
      const attachments = row.role === 'user' ? this.store.attachments.forMessage(row.id) : [];
      const content =
        attachments.length > 0
          ? buildUserContent(row.content, attachments, (sha) => this.store.attachments.blob(sha), target)
          : row.content;
      messages.push({ role: row.role, content });
    }
    return messages;
  }

  private async answer(
    conversationId: number,
    userId: number,
    assistantId: number,
    target: Target,
    options: { fromCache: boolean } = { fromCache: true },
  ): Promise<SendResult> {
    this.emitUpdated(conversationId);
    const base = { conversationId, userMessageId: userId, assistantMessageId: assistantId };
    const question = this.message(userId).content;
    const slot = this.reserve(assistantId);
    const started = this.recorder.expectStream();
    try {
      const path = this.requestMessages(userId, target);
      const request = {
        model: target.model,
        // Qwen-MT takes exactly one user message (§6.4): a translation conversation is a list of
        // texts, each translated alone with the conversation's languages and glossary.
        messages: isTranslationModel(target.model) ? path.slice(-1) : path,
        ...(target.params ? { params: target.params } : {}),
      };
      // Issue 14: a request meant to repeat, answered in the last 24 hours, is answered from the cache.
      const quick = this.conversation(conversationId).origin === 'quick';
      const key = this.answers?.keyFor(request, quick) ?? null;
      const hit = key && options.fromCache ? this.answers!.lookup(key) : null;
      const streamId = hit ? this.engine.replay(target.model, hit) : await this.engine.start(request);
      if (slot.cancelled) return this.abandon(base, streamId);
      this.recorder.record(streamId, assistantId, (end) => {
        if (key && !hit && end.status === 'done')
          this.answers!.save(key, this.store.messages.get(assistantId));
        // A cached answer or a translation is named by its first words: no request for a title.
        const generate = !hit && !isTranslationModel(target.model);
        if (end.status === 'done' || end.status === 'stopped')
          // The title is a nicety: a failure (e.g. the history closed at shutdown meanwhile) is dropped.
          this.titleIfNew(conversationId, question, end.content, generate).catch(() => undefined);
      });
      return { ...base, streamId, error: null };
    } catch (err) {
      const error: AppError =
        err instanceof AppErrorException
          ? err.appError
          : appError('internal', 'internal.bug', { detail: String(err) });
      if (slot.cancelled) return { ...base, streamId: null, error };
      this.store.messages.finish(assistantId, {
        content: '',
        reasoning: null,
        status: 'error',
        error,
        now: this.clock.now(),
      });
      return { ...base, streamId: null, error };
    } finally {
      this.release(assistantId, slot);
      started();
    }
  }

  /** After the first answer of a conversation: a short title (the engine falls back to the first words). */
  private async titleIfNew(
    conversationId: number,
    question: string,
    answer: string,
    generate = true,
  ): Promise<void> {
    const row = this.store.conversations.row(conversationId);
    if (!row || row.title !== null) return;
    const title = generate ? await this.engine.generateTitle(question, answer) : fallbackTitle(question);
    // The app may have quit (database closed) while the title was being written.
    if (!this.store.isOpen) return;
    const current = this.store.conversations.row(conversationId);
    if (!current || current.title !== null) return; // renamed meanwhile: the user's title wins
    this.store.conversations.rename(conversationId, title);
    this.emitUpdated(conversationId);
  }

  emitUpdated(conversationId: number): void {
    const row = this.store.conversations.row(conversationId);
    if (row) this.hub.emit('history.conversation.updated', toConversation(row));
  }
}
