import OpenAI from 'openai';
import type { ChatMessage, Usage } from '../contract';

/** One piece of a streamed answer, as the core consumes it (independent of the SDK's types). */
export type QwenStreamPart =
  | { type: 'delta'; content: string; reasoning: string }
  | { type: 'finish'; finishReason: string }
  | { type: 'usage'; usage: Usage };

export interface QwenChatRequest {
  model: string;
  messages: ChatMessage[];
  signal: AbortSignal;
}

export interface QwenClient {
  streamChat(request: QwenChatRequest): AsyncIterable<QwenStreamPart>;
  listModels(signal?: AbortSignal): Promise<string[]>;
}

export interface QwenClientOptions {
  apiKey: string;
  baseURL: string;
  /** Connection / first-byte timeout for a request, in ms. */
  timeoutMs?: number;
  /** Injected for tests and proxies; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export type QwenClientFactory = (options: QwenClientOptions) => QwenClient;

// DashScope's compatible mode takes non-OpenAI fields at the top level of the body.
type DashScopeChunk = OpenAI.Chat.Completions.ChatCompletionChunk & {
  choices: Array<
    OpenAI.Chat.Completions.ChatCompletionChunk.Choice & {
      delta: { reasoning_content?: string | null };
    }
  >;
};

/** The Qwen client on top of the `openai` SDK, pointed at DashScope's compatible-mode base URL. */
export const createQwenClient: QwenClientFactory = (options) => {
  const sdk = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    // Retries are the engine's decision (it must not retry after partial output), not the SDK's.
    maxRetries: 0,
    timeout: options.timeoutMs ?? 10 * 60_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    async *streamChat({ model, messages, signal }) {
      const stream = await sdk.chat.completions.create(
        {
          model,
          messages: messages as OpenAI.Chat.Completions.ChatCompletionMessageParam[],
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal },
      );
      for await (const raw of stream) {
        const chunk = raw as DashScopeChunk;
        for (const choice of chunk.choices ?? []) {
          const content = choice.delta?.content ?? '';
          const reasoning = choice.delta?.reasoning_content ?? '';
          if (content || reasoning) yield { type: 'delta', content, reasoning };
          if (choice.finish_reason) yield { type: 'finish', finishReason: choice.finish_reason };
        }
        if (chunk.usage) yield { type: 'usage', usage: toUsage(chunk.usage) };
      }
    },

    async listModels(signal) {
      const page = await sdk.models.list(signal ? { signal } : undefined);
      return page.data.map((m) => m.id);
    },
  };
};

function toUsage(u: OpenAI.Completions.CompletionUsage): Usage {
  const usage: Usage = {
    promptTokens: u.prompt_tokens,
    completionTokens: u.completion_tokens,
    totalTokens: u.total_tokens,
  };
  const reasoning = u.completion_tokens_details?.reasoning_tokens;
  const cached = u.prompt_tokens_details?.cached_tokens;
  if (typeof reasoning === 'number') usage.reasoningTokens = reasoning;
  if (typeof cached === 'number') usage.cachedTokens = cached;
  return usage;
}
