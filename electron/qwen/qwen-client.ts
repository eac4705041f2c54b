import OpenAI from 'openai';
import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';
import { IdleTimeoutError, QwenApiError, StreamEndedEarlyError } from './errors';
import type { ChatBody } from './params';
import { SseAnswerParser, type QwenStreamPart } from './sse';

export type { QwenStreamPart } from './sse';

export interface QwenStreamRequest {
  body: ChatBody;
  signal: AbortSignal;
  /** Longest silence allowed between two reads of the body, ms (0: none). */
  idleTimeoutMs: number;
  /** Called for every piece of the answer, in order. */
  onPart: (part: QwenStreamPart) => void;
}

export interface QwenCompleteRequest {
  body: Omit<ChatBody, 'stream' | 'stream_options'>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface QwenClient {
  /** Streams one answer; resolves when the stream ends, rejects with the failure. */
  streamChat(request: QwenStreamRequest): Promise<void>;
  /** One non-streaming answer's text (titles). */
  complete(request: QwenCompleteRequest): Promise<string>;
  listModels(signal?: AbortSignal): Promise<string[]>;
}

export interface QwenClientOptions {
  apiKey: string;
  baseURL: string;
  /** Connection / first-byte timeout: until the answer's headers arrive, ms. */
  timeoutMs?: number;
  /** Injected for proxies; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Times the idle timeout. */
  clock?: Clock;
}

export type QwenClientFactory = (options: QwenClientOptions) => QwenClient;

/**
 * The Qwen client: the `openai` SDK, pointed at DashScope's compatible-mode base URL, sends the
 * request and turns error statuses into errors; the streamed body is read here (see sse.ts).
 */
export const createQwenClient: QwenClientFactory = (options) => {
  const clock = options.clock ?? systemClock;
  const sdk = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    // Retries are the engine's decision (it must not retry after partial output), not the SDK's.
    maxRetries: 0,
    timeout: options.timeoutMs ?? 120_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    async streamChat({ body, signal, idleTimeoutMs, onPart }) {
      // Our own controller as well as the caller's: the idle watchdog aborts through it.
      const idle = new AbortController();
      const combined = AbortSignal.any([signal, idle.signal]);
      let lastActivity = clock.now();
      let timedOut = false;
      let timer: unknown = null;
      const watch = (wait: number) => {
        timer = clock.setTimeout(() => {
          const quiet = clock.now() - lastActivity;
          if (quiet >= idleTimeoutMs) {
            timedOut = true;
            idle.abort();
          } else watch(idleTimeoutMs - quiet);
        }, wait);
      };
      try {
        const response = await sdk.chat.completions
          .create(body as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming, {
            signal: combined,
          })
          .asResponse();
        // From here the idle timeout applies; until the headers came, the connection timeout did.
        lastActivity = clock.now();
        if (idleTimeoutMs > 0) watch(idleTimeoutMs);
        const type = response.headers.get('content-type') ?? '';
        if (!type.includes('text/event-stream')) {
          // A 200 that is not a stream: a gateway's JSON error, or something else entirely.
          const text = await response.text();
          throw unexpectedBody(text, response.status);
        }
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let finished = false;
        const parser = new SseAnswerParser((part) => {
          if (part.type === 'finish') finished = true;
          onPart(part);
        });
        for (;;) {
          const { value, done } = await reader.read();
          lastActivity = clock.now();
          if (done) break;
          try {
            parser.push(decoder.decode(value, { stream: true }));
          } catch (err) {
            // A limit hit or an error event: stop reading so the server stops sending (issue 9).
            void reader.cancel().catch(() => undefined);
            throw err;
          }
          if (parser.done) {
            // The answer is complete; read the (empty) rest in the background rather than cancel,
            // so the connection stays open for the next request.
            void drainBody(reader, clock);
            return;
          }
        }
        parser.push(decoder.decode());
        parser.end();
        if (!parser.done && !finished) throw new StreamEndedEarlyError();
      } catch (err) {
        if (timedOut && !signal.aborted) throw new IdleTimeoutError(idleTimeoutMs);
        throw err;
      } finally {
        if (timer !== null) clock.clearTimeout(timer);
      }
    },

    async complete({ body, signal, timeoutMs }) {
      const completion = await sdk.chat.completions.create(
        {
          ...(body as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming),
          stream: false,
        },
        { ...(signal ? { signal } : {}), ...(timeoutMs ? { timeout: timeoutMs } : {}) },
      );
      return completion.choices[0]?.message?.content ?? '';
    },

    async listModels(signal) {
      const page = await sdk.models.list(signal ? { signal } : undefined);
      return page.data.map((m) => m.id);
    },
  };
};

/** How long to wait for a body to end after `[DONE]` before closing the connection instead. */
const DRAIN_MS = 2000;

async function drainBody(reader: ReadableStreamDefaultReader<Uint8Array>, clock: Clock): Promise<void> {
  const timer = clock.setTimeout(() => void reader.cancel().catch(() => undefined), DRAIN_MS);
  try {
    while (!(await reader.read()).done) {
      // nothing after [DONE] matters
    }
  } catch {
    // cancelled or cut: either way the answer was already complete
  } finally {
    clock.clearTimeout(timer);
  }
}

function unexpectedBody(text: string, status: number): QwenApiError {
  try {
    const value = JSON.parse(text) as {
      error?: { message?: string; code?: string; type?: string };
      code?: string;
      message?: string;
    };
    const error = value.error ?? (value.code ? value : null);
    if (error) return QwenApiError.fromBody(error, { status });
  } catch {
    // not JSON
  }
  return new QwenApiError({ message: `Qwen answered without a stream: ${text.slice(0, 200)}`, status });
}
