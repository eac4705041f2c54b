import type { AppError, ChatEvent, LiveAnswer, StreamStatus, Usage } from '../contract';
import type { HistoryStore } from '../history/history-store';
import type { Clock } from '../shared/clock';
import type { EventHub } from './event-hub';
import { checkWrite, isDiskFull } from '../history/write-faults';
import { sentence } from '../shared/main-text';

/**
 * Streamed text reaches the file at most this long after it arrived, so a crash (even SIGKILL)
 * loses less than the 250 ms the issue allows.
 */
export const FLUSH_INTERVAL_MS = 200;
/** Events for a stream not yet registered are held (bounded) while a start is in progress. */
const MAX_EARLY_EVENTS = 10_000;
/** After a failed save (disk full) the text stays in memory and the write is tried again this often. */
export const RETRY_SAVE_MS = 1000;

export interface FinishedAnswer {
  messageId: number;
  status: StreamStatus;
  content: string;
}

interface Recording {
  streamId: string;
  messageId: number;
  content: string;
  reasoning: string;
  /** What this stream added to `content` and `reasoning` (a continued answer started with some). */
  streamed: { content: number; reasoning: number };
  timer: unknown;
  onEnd: (answer: FinishedAnswer) => void;
  /** A continued answer: the usage of the request(s) before this one. */
  earlierUsage: Usage | null;
  /** The stream ended but its final write failed: retried until it succeeds (or shutdown). */
  pendingEnd: (() => boolean) | null;
}

/** Two requests' usage together (a continued answer cost both). */
function addUsage(a: Usage | null, b: Usage | null): Usage | null {
  if (!a || !b) return b ?? a;
  const sum = (x: number | undefined, y: number | undefined) =>
    x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0);
  const reasoningTokens = sum(a.reasoningTokens, b.reasoningTokens);
  const cachedTokens = sum(a.cachedTokens, b.cachedTokens);
  // Issue 13: cache writes add up; the sources of the first request stay (the text cites them).
  const cacheCreationTokens = sum(a.cacheCreationTokens, b.cacheCreationTokens);
  const search =
    a.search || b.search
      ? {
          ...(a.search ?? b.search!),
          count: (a.search?.count ?? 0) + (b.search?.count ?? 0),
          sources: [...(a.search?.sources ?? []), ...(b.search?.sources ?? [])].slice(0, 100),
        }
      : undefined;
  const cacheType = b.cacheType ?? a.cacheType;
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
    ...(reasoningTokens !== undefined ? { reasoningTokens } : {}),
    ...(cachedTokens !== undefined ? { cachedTokens } : {}),
    ...(cacheCreationTokens !== undefined ? { cacheCreationTokens } : {}),
    ...(cacheType ? { cacheType } : {}),
    ...(search ? { search } : {}),
  };
}

/**
 * Writes answers into the history as they stream: the assistant row exists before the stream
 * starts (status `streaming`); deltas are flushed on a short timer and at the end, where the final
 * status, error, usage and finish reason are written.
 */
export class StreamRecorder {
  private readonly recordings = new Map<string, Recording>();
  private readonly byMessage = new Map<number, string>();
  private readonly early = new Map<string, ChatEvent[]>();
  private earlyCount = 0;
  private starting = 0;
  private readonly unsubscribe: () => void;
  /** Recordings whose last save failed; the user is told once, and again when all are saved. */
  private readonly unsaved = new Set<Recording>();

  constructor(
    private readonly store: HistoryStore,
    private readonly hub: EventHub,
    private readonly clock: Clock,
  ) {
    this.unsubscribe = hub.subscribe((event, payload) => {
      if (event === 'chat.event') this.handle(payload as ChatEvent);
    });
  }

  /** Call before `engine.start`: events that arrive before `record` are kept for it. */
  expectStream(): () => void {
    this.starting++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.starting === 0) {
        this.early.clear();
        this.earlyCount = 0;
      }
    };
  }

  /**
   * Records stream `streamId` into message `messageId`. `resume` is what the message already holds
   * when a stream continues it (Continue): the new text is appended to it, and the usage of both
   * requests is added up.
   */
  record(
    streamId: string,
    messageId: number,
    onEnd: (answer: FinishedAnswer) => void = () => undefined,
    resume?: { content: string; reasoning: string | null; usage: Usage | null },
  ): void {
    const rec: Recording = {
      streamId,
      messageId,
      content: resume?.content ?? '',
      reasoning: resume?.reasoning ?? '',
      streamed: { content: 0, reasoning: 0 },
      timer: null,
      onEnd,
      earlierUsage: resume?.usage ?? null,
      pendingEnd: null,
    };
    this.recordings.set(streamId, rec);
    this.byMessage.set(messageId, streamId);
    const held = this.early.get(streamId) ?? [];
    this.early.delete(streamId);
    for (const event of held) this.handle(event);
  }

  /** The live stream writing into this message, if any (a reloaded window follows it). */
  streamIdFor(messageId: number): string | null {
    return this.byMessage.get(messageId) ?? null;
  }

  /** The answer as it stands now (newer than its last save), for a window that joins the stream. */
  live(messageId: number): LiveAnswer | null {
    const streamId = this.byMessage.get(messageId);
    const rec = streamId === undefined ? undefined : this.recordings.get(streamId);
    if (!rec) return null;
    const { content, reasoning, streamed } = rec;
    return { streamId: rec.streamId, content, reasoning, streamed: { ...streamed } };
  }

  /** The messages that streams are writing into now. */
  liveMessageIds(): number[] {
    return [...this.byMessage.keys()];
  }

  /**
   * Stops recording into this message without writing anything more (it is being deleted: a later
   * write could land in a row that reuses its id). Returns the stream, for the caller to cancel.
   */
  drop(messageId: number): string | null {
    const streamId = this.byMessage.get(messageId);
    if (streamId === undefined) return null;
    const rec = this.recordings.get(streamId);
    if (rec && rec.timer !== null) this.clock.clearTimeout(rec.timer);
    this.recordings.delete(streamId);
    this.byMessage.delete(messageId);
    return streamId;
  }

  private handle(event: ChatEvent): void {
    const rec = this.recordings.get(event.streamId);
    if (!rec) {
      if (this.starting > 0 && this.earlyCount < MAX_EARLY_EVENTS) {
        const list = this.early.get(event.streamId) ?? [];
        list.push(event);
        this.early.set(event.streamId, list);
        this.earlyCount++;
      }
      return;
    }
    switch (event.type) {
      case 'delta':
        rec.content += event.content;
        rec.streamed.content += event.content.length;
        if (event.reasoning) {
          rec.reasoning += event.reasoning;
          rec.streamed.reasoning += event.reasoning.length;
        }
        rec.timer ??= this.clock.setTimeout(() => this.flush(rec), FLUSH_INTERVAL_MS);
        return;
      case 'retrying':
        return;
      case 'done':
        this.finish(rec, event.status, { usage: event.usage, finishReason: event.finishReason });
        return;
      case 'error':
        this.finish(rec, event.interrupted ? 'interrupted' : 'error', {
          error: event.error,
          usage: event.usage ?? null,
        });
        return;
    }
  }

  private flush(rec: Recording): void {
    rec.timer = null;
    this.save(rec, () => {
      checkWrite('history');
      this.store.messages.flush(rec.messageId, rec.content, rec.reasoning || null, this.clock.now());
    });
  }

  /**
   * Runs one write of `rec`. A failure while the database is open (a full disk: SQLITE_FULL, or an
   * I/O error) keeps the text in memory, tells the user once, and tries again later; a failure
   * because the database is closing gives up (the final write says what it can).
   */
  private save(rec: Recording, write: () => void): boolean {
    try {
      write();
    } catch (err) {
      if (!this.store.isOpen) return false;
      this.markUnsaved(rec, err);
      rec.timer ??= this.clock.setTimeout(() => this.retry(rec), RETRY_SAVE_MS);
      return false;
    }
    this.markSaved(rec);
    return true;
  }

  private retry(rec: Recording): void {
    rec.timer = null;
    if (rec.pendingEnd) rec.pendingEnd();
    else this.flush(rec);
  }

  private markUnsaved(rec: Recording, err: unknown): void {
    if (this.unsaved.has(rec)) return;
    const first = this.unsaved.size === 0;
    this.unsaved.add(rec);
    if (!first) return;
    const detail = isDiskFull(err) ? '' : ` (${err instanceof Error ? err.message : String(err)})`;
    const said = sentence('notice.saveFailed');
    const notice = { kind: 'save_failed' as const, ...said, message: said.message + detail };
    // Kept in the start-up notices too, so a window reloaded meanwhile still shows it.
    this.store.notices.push(notice);
    this.hub.emit('history.notice', notice);
  }

  private markSaved(rec: Recording): void {
    if (!this.unsaved.delete(rec) || this.unsaved.size > 0) return;
    const i = this.store.notices.findIndex((n) => n.kind === 'save_failed');
    if (i >= 0) this.store.notices.splice(i, 1);
    this.hub.emit('history.notice', { kind: 'save_resumed', ...sentence('notice.saveResumed') });
  }

  private finish(
    rec: Recording,
    status: StreamStatus,
    extra: { error?: AppError; usage?: Usage | null; finishReason?: string | null },
  ): void {
    if (rec.timer !== null) this.clock.clearTimeout(rec.timer);
    rec.timer = null;
    this.recordings.delete(rec.streamId);
    this.byMessage.delete(rec.messageId);
    const usage = addUsage(rec.earlierUsage, extra.usage ?? null);
    rec.pendingEnd = () => {
      const saved = this.save(rec, () => {
        checkWrite('history');
        this.store.messages.finish(rec.messageId, {
          content: rec.content,
          reasoning: rec.reasoning || null,
          status,
          error: extra.error ?? null,
          usage,
          finishReason: extra.finishReason ?? null,
          now: this.clock.now(),
        });
      });
      if (saved) {
        rec.pendingEnd = null;
        rec.onEnd({ messageId: rec.messageId, status, content: rec.content });
      }
      return saved;
    };
    rec.pendingEnd();
  }

  /** On shutdown: what each unfinished answer has so far is written, marked interrupted. */
  finishAll(): void {
    for (const rec of [...this.recordings.values()]) this.finish(rec, 'interrupted', {});
    // Answers that ended while the disk was full: one last try, then no more timers.
    for (const rec of [...this.unsaved]) {
      if (rec.timer !== null) this.clock.clearTimeout(rec.timer);
      rec.timer = null;
      rec.pendingEnd?.();
      if (rec.timer !== null) this.clock.clearTimeout(rec.timer);
    }
    this.unsaved.clear();
    this.unsubscribe();
  }
}
