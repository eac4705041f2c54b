import { randomUUID } from 'node:crypto';
import type { Usage } from '../contract';
import type { Clock } from '../shared/clock';
import type { EventHub } from './event-hub';
import type { QwenClient, QwenStreamPart } from '../qwen/qwen-client';
import { mapQwenError, type ErrorContext } from '../qwen/errors';
import type { ChatBody } from '../shared/params';
import { retryDelay } from '../qwen/retry';

/** How often coalesced deltas go out (ms): about one event per frame. */
export const COALESCE_MS = 16;
/** Send early when this many characters are waiting, so a burst does not build one huge event. */
export const COALESCE_MAX_CHARS = 2048;

interface LiveStream {
  controller: AbortController;
  pendingContent: string;
  pendingReasoning: string;
  flushTimer: unknown;
  /** When the last delta event went out (clock ms); the first one goes out at once. */
  lastFlushAt: number;
  /** Whether any text has arrived (a later failure then leaves an interrupted answer). */
  received: boolean;
  /** Characters sent so far in delta events: the next delta's `at` and `reasoningAt`. */
  sentContent: number;
  sentReasoning: number;
}

export interface StartStreamOptions {
  /** The checked request (electron/shared/params.ts). */
  body: ChatBody;
  client: QwenClient;
  /** 1 + retries; retries happen only before the first token. */
  maxAttempts: number;
  idleTimeoutMs: number;
  /** What error messages mention (model, region, host). */
  errorContext: ErrorContext;
}

/**
 * Runs answers: one live stream per id. Deltas are coalesced before they go to the event hub, so a
 * fast stream cannot flood IPC; cancel aborts the HTTP request at once and keeps what arrived.
 */
export class StreamManager {
  private readonly live = new Map<string, LiveStream>();

  constructor(
    private readonly hub: EventHub,
    private readonly clock: Clock,
    /** Jitter for retry delays; injected so tests can pin it. */
    private readonly random: () => number = Math.random,
  ) {}

  start(options: StartStreamOptions): string {
    const streamId = randomUUID();
    const stream: LiveStream = {
      controller: new AbortController(),
      pendingContent: '',
      pendingReasoning: '',
      flushTimer: null,
      lastFlushAt: Number.NEGATIVE_INFINITY,
      received: false,
      sentContent: 0,
      sentReasoning: 0,
    };
    this.live.set(streamId, stream);
    void this.run(streamId, stream, options);
    return streamId;
  }

  cancel(streamId: string): boolean {
    const stream = this.live.get(streamId);
    if (!stream) return false;
    stream.controller.abort();
    return true;
  }

  /** Aborts every live stream (app quit). */
  cancelAll(): void {
    for (const stream of this.live.values()) stream.controller.abort();
  }

  get activeCount(): number {
    return this.live.size;
  }

  private async run(streamId: string, stream: LiveStream, options: StartStreamOptions): Promise<void> {
    let finishReason: string | null = null;
    let usage: Usage | null = null;
    const { signal } = stream.controller;
    const onPart = (part: QwenStreamPart) => {
      if (part.type === 'delta') this.buffer(streamId, stream, part.content, part.reasoning);
      else if (part.type === 'finish') finishReason = part.finishReason;
      else usage = part.usage;
    };
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await options.client.streamChat({
            body: options.body,
            signal,
            idleTimeoutMs: options.idleTimeoutMs,
            onPart,
          });
          break;
        } catch (err) {
          // After partial output a retry would repeat or contradict what the user already read.
          const delay =
            signal.aborted || stream.received
              ? null
              : retryDelay(err, attempt, options.maxAttempts, this.random);
          if (delay === null) throw err;
          this.hub.emit('chat.event', {
            type: 'retrying',
            streamId,
            attempt: attempt + 1,
            maxAttempts: options.maxAttempts,
            delayMs: delay,
            error: mapQwenError(err, options.errorContext),
          });
          if (!(await this.sleep(delay, signal))) break;
        }
      }
      this.flush(streamId, stream);
      this.hub.emit('chat.event', {
        type: 'done',
        streamId,
        status: signal.aborted ? 'stopped' : 'done',
        finishReason,
        usage,
      });
    } catch (err) {
      this.flush(streamId, stream);
      if (signal.aborted) {
        this.hub.emit('chat.event', { type: 'done', streamId, status: 'stopped', finishReason, usage });
      } else {
        this.hub.emit('chat.event', {
          type: 'error',
          streamId,
          error: mapQwenError(err, options.errorContext),
          interrupted: stream.received,
          usage,
        });
      }
    } finally {
      this.live.delete(streamId);
    }
  }

  /** Waits on the injected clock; false when the stream was cancelled meanwhile. */
  private sleep(ms: number, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve(false);
      const onAbort = () => {
        this.clock.clearTimeout(handle);
        resolve(false);
      };
      const handle = this.clock.setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private buffer(streamId: string, stream: LiveStream, content: string, reasoning: string): void {
    stream.pendingContent += content;
    stream.pendingReasoning += reasoning;
    stream.received = true;
    if (stream.flushTimer !== null) {
      if (stream.pendingContent.length + stream.pendingReasoning.length >= COALESCE_MAX_CHARS) {
        this.flush(streamId, stream);
      }
      return;
    }
    // Leading edge: text after a quiet spell (the first token above all) goes out at once; the rest
    // of a burst waits for the end of the current interval.
    const wait = stream.lastFlushAt + COALESCE_MS - this.clock.now();
    if (wait <= 0) {
      this.flush(streamId, stream);
    } else {
      stream.flushTimer = this.clock.setTimeout(() => {
        stream.flushTimer = null;
        this.flush(streamId, stream);
      }, wait);
    }
  }

  private flush(streamId: string, stream: LiveStream): void {
    if (stream.flushTimer !== null) {
      this.clock.clearTimeout(stream.flushTimer);
      stream.flushTimer = null;
    }
    if (!stream.pendingContent && !stream.pendingReasoning) return;
    const event = {
      type: 'delta' as const,
      streamId,
      content: stream.pendingContent,
      ...(stream.pendingReasoning ? { reasoning: stream.pendingReasoning } : {}),
      at: stream.sentContent,
      reasoningAt: stream.sentReasoning,
    };
    stream.sentContent += stream.pendingContent.length;
    stream.sentReasoning += stream.pendingReasoning.length;
    stream.pendingContent = '';
    stream.pendingReasoning = '';
    stream.lastFlushAt = this.clock.now();
    this.hub.emit('chat.event', event);
  }
}
