/**
 * DashScope compatible-mode wire format, as ../shared/reference/qwen-api.md records it (§3, §5).
 * Builders for every frame the fake server sends, so tests and the server agree on the bytes.
 */
import { randomUUID } from 'node:crypto';

export interface StreamIdentity {
  id: string;
  created: number;
  model: string;
}

export function newIdentity(model: string, now = Date.now()): StreamIdentity {
  return { id: `chatcmpl-${randomUUID()}`, created: Math.floor(now / 1000), model };
}

/** One SSE event: `data: {json}\n\n`. */
export function sseData(payload: unknown): string {
  return `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;
}

export const SSE_DONE = 'data: [DONE]\n\n';

function chunk(identity: StreamIdentity, choices: unknown[], usage: unknown = null) {
  return {
    id: identity.id,
    choices,
    created: identity.created,
    model: identity.model,
    object: 'chat.completion.chunk',
    service_tier: null,
    system_fingerprint: null,
    usage,
  };
}

/** The first chunk: an empty assistant delta (with `reasoning_content: ""` when thinking). */
export function firstChunk(identity: StreamIdentity, thinking = false) {
  const delta = thinking
    ? { content: null, role: 'assistant', reasoning_content: '' }
    : { content: '', role: 'assistant' };
  return chunk(identity, [{ delta, index: 0, logprobs: null, finish_reason: null }]);
}

export function contentChunk(identity: StreamIdentity, content: string, thinking = false) {
  const delta = thinking ? { content, reasoning_content: null } : { content };
  return chunk(identity, [{ delta, index: 0, logprobs: null, finish_reason: null }]);
}

export function reasoningChunk(identity: StreamIdentity, reasoning: string) {
  return chunk(identity, [
    { delta: { content: null, reasoning_content: reasoning }, index: 0, logprobs: null, finish_reason: null },
  ]);
}

/** The last content chunk: empty content and the finish reason. */
export function finishChunk(identity: StreamIdentity, finishReason: 'stop' | 'length' | 'tool_calls') {
  return chunk(identity, [{ delta: { content: '' }, index: 0, logprobs: null, finish_reason: finishReason }]);
}

export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details?: { reasoning_tokens: number };
  prompt_tokens_details?: { cached_tokens: number };
}

/** With `stream_options.include_usage`: one more chunk with empty `choices`, before [DONE]. */
export function usageChunk(identity: StreamIdentity, usage: WireUsage) {
  return chunk(identity, [], usage);
}

/** The error body of an HTTP 4xx/5xx answer. */
export function errorBody(
  error: { message: string; type: string; code: string; param?: string | null },
  requestId: string = randomUUID(),
) {
  return {
    error: { message: error.message, type: error.type, param: error.param ?? null, code: error.code },
    id: `chatcmpl-${requestId}`,
    request_id: requestId,
  };
}

/** Verbatim DashScope errors (reference §5), by a short name tests can use. */
export const dashscopeErrors = {
  invalidApiKey: {
    status: 401,
    error: {
      message:
        'Incorrect API key provided. For details, see: https://help.aliyun.com/zh/model-studio/error-code#apikey-error',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    },
  },
  modelNotFound: (model: string) => ({
    status: 404,
    error: {
      message: `The model \`${model}\` does not exist or you do not have access to it.`,
      type: 'invalid_request_error',
      code: 'model_not_found',
    },
  }),
  limitRequests: {
    status: 429,
    error: {
      message:
        'You have exceeded your current request limit. For details, see: https://help.aliyun.com/zh/model-studio/error-code#rate-limit',
      type: 'limit_requests',
      code: 'limit_requests',
    },
  },
  internalError: {
    status: 500,
    error: {
      message: 'An internal error has occured, please try again later or contact service support.',
      type: 'internal_error',
      code: 'internal_error',
    },
  },
} as const;
