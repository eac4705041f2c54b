import type { AppError, ChatEvent, StreamStatus, Usage } from '../contract';
import type { HistoryStore } from '../history/history-store';
import type { Clock } from './clock';
import type { EventHub } from './event-hub';

/**
 * Streamed text reaches the file at most this long after it arrived, so a crash (even SIGKILL)
 * loses less than the 250 ms the issue allows.
 */
export const FLUSH_INTERVAL_MS = 200;
/** Events for a stream not yet registered are held (bounded) while a start is in progress. */
const MAX_EARLY_EVENTS = 10_000;

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
  timer: unknown;
  onEnd: (answer: FinishedAnswer) => void;
  /** A continued answer: the usage of the request(s) before this one. */
  earlierUsage: Usage | null;
}

/** Two requests' usage together (a continued answer cost both). */
function addUsage(a: Usage | null, b: Usage | null): Usage | null {
  if (!a || !b) return b ?? a;
  const sum = (x: number | undefined, y: number | undefined) =>
    x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0);
  const reasoningTokens = sum(a.reasoningTokens, b.reasoningTokens);
  const cachedTokens = sum(a.cachedTokens, b.cachedTokens);
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
    ...(reasoningTokens !== undefined ? { reasoningTokens } : {}),
    ...(cachedTokens !== undefined ? { cachedTokens } : {}),
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

  constructor(
    private readonly store: HistoryStore,
    hub: EventHub,
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
      timer: null,
      onEnd,
      earlierUsage: resume?.usage ?? null,
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
        if (event.reasoning) rec.reasoning += event.reasoning;
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
    try {
      this.store.messages.flush(rec.messageId, rec.content, rec.reasoning || null, this.clock.now());
    } catch {
      // The database is closing or the message was deleted: the final write will say what it can.
    }
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
    try {
      this.store.messages.finish(rec.messageId, {
        content: rec.content,
        reasoning: rec.reasoning || null,
        status,
        error: extra.error ?? null,
        usage: addUsage(rec.earlierUsage, extra.usage ?? null),
        finishReason: extra.finishReason ?? null,
        now: this.clock.now(),
      });
    } catch {
      return; // closed or deleted: nothing more to do
    }
    rec.onEnd({ messageId: rec.messageId, status, content: rec.content });
  }

  /** On shutdown: what each unfinished answer has so far is written, marked interrupted. */
  finishAll(): void {
    for (const rec of [...this.recordings.values()]) this.finish(rec, 'interrupted', {});
    this.unsubscribe();
  }
}
