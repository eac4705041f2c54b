import OpenAI from 'openai';
import type { Clock } from '../shared/clock';
import { systemClock } from '../shared/clock';
import type { ChatBody } from '../shared/params';
import { SseAnswerParser, type QwenStreamPart } from './sse';
import { readAnswerStream } from './stream-reader';
import { repeatsFullText } from '../shared/translation';

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
    streamChat({ body, signal, idleTimeoutMs, onPart }) {
      return readAnswerStream({
        open: (combined) =>
          sdk.chat.completions
            .create(body as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming, {
              signal: combined,
            })
            .asResponse(),
        signal,
        idleTimeoutMs,
        clock,
        onPart,
        parser: (onPart) =>
          Object.assign(new SseAnswerParser(onPart), { repeatsFullText: repeatsFullText(body.model) }),
      });
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
