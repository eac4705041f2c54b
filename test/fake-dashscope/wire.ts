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
  prompt_tokens_details?: {
    cached_tokens: number;
    cache_creation_input_tokens?: number;
    cache_type?: string;
  };
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

/** An SSE event carrying an error in the middle of a stream (HTTP 200 already sent), §5. */
export function midStreamErrorFrame(error: { message: string; type: string; code: string }): string {
  return sseData({ error: { message: error.message, type: error.type, param: null, code: error.code } });
}

/**
 * The native-protocol error frame that can arrive on an HTTP 200 stream (§5, §6): no space after
 * the colons, the status in a comment line, `{request_id, code, message}` as data.
 */
export function nativeErrorFrame(
  status: number,
  error: { code: string; message: string },
  eventId = 1,
  requestId: string = randomUUID(),
): string {
  const data = JSON.stringify({ request_id: requestId, code: error.code, message: error.message });
  return `id:${eventId}\nevent:error\n:HTTP_STATUS/${status}\ndata:${data}\n\n`;
}

/** A non-streaming answer (§3). */
export function completionBody(identity: StreamIdentity, content: string, usage: WireUsage) {
  return {
    choices: [{ message: { role: 'assistant', content }, finish_reason: 'stop', index: 0, logprobs: null }],
    object: 'chat.completion',
    usage,
    created: identity.created,
    system_fingerprint: null,
    model: identity.model,
    id: identity.id,
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
  insufficientQuota: {
    status: 429,
    error: {
      message:
        'You exceeded your current quota, please check your plan and billing details. For details, see: https://help.aliyun.com/zh/model-studio/error-code#token-limit',
      type: 'insufficient_quota',
      code: 'insufficient_quota',
    },
  },
  limitBurstRate: {
    status: 429,
    error: {
      // §5 quotes only the start of this message.
      message: 'Request rate increased too quickly.',
      type: 'limit_burst_rate',
      code: 'limit_burst_rate',
    },
  },
  arrearage: {
    status: 400,
    error: {
      message:
        'Access denied, please make sure your account is in good standing. For details, see: https://help.aliyun.com/zh/model-studio/error-code#overdue-payment',
      type: 'Arrearage',
      code: 'Arrearage',
    },
  },
  inputInspectionFailed: {
    status: 400,
    error: {
      message:
        'Input data may contain inappropriate content. For details, see: https://help.aliyun.com/zh/model-studio/error-code#inappropriate-content',
      type: 'data_inspection_failed',
      code: 'data_inspection_failed',
    },
  },
  outputInspectionFailed: {
    status: 400,
    error: {
      message:
        'Output data may contain inappropriate content. For details, see: https://help.aliyun.com/zh/model-studio/error-code#inappropriate-content',
      type: 'data_inspection_failed',
      code: 'data_inspection_failed',
    },
  },
  invalidSeed: {
    status: 400,
    error: {
      message: "-1 is lesser than the minimum of 0 - 'seed'",
      type: 'invalid_request_error',
      code: 'invalid_value',
    },
  },
  inputLength: {
    status: 400,
    error: {
      message: 'Range of input length should be [1, 129024]',
      type: 'invalid_request_error',
      code: 'invalid_parameter_error',
    },
  },
  modelServingError: {
    status: 503,
    error: {
      message:
        'Too many requests. Your requests are being throttled due to system capacity limits. Please try again later.',
      type: 'ModelServingError',
      code: 'ModelServingError',
    },
  },
  modelUnavailable: {
    status: 503,
    error: {
      message: 'Model is unavailable, please try again later.',
      type: 'ModelUnavailable',
      code: 'ModelUnavailable',
    },
  },
  thinkingNonStreaming: {
    status: 400,
    error: {
      message: 'parameter.enable_thinking must be set to false for non-streaming calls',
      type: 'invalid_request_error',
      code: 'invalid_parameter_error',
    },
  },
  streamOnly: {
    status: 400,
    error: {
      message:
        'This model only support stream mode, please enable the stream parameter to access the model. ',
      type: 'invalid_request_error',
      code: 'invalid_parameter_error',
    },
  },
  jsonWordMissing: {
    status: 400,
    error: {
      message:
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      type: 'invalid_request_error',
      code: 'invalid_parameter_error',
    },
  },
  jsonWhileThinking: {
    status: 400,
    error: {
      message: 'Json mode response is not supported when enable_thinking is true',
      type: 'invalid_request_error',
      code: 'invalid_parameter_error',
    },
  },
} as const;

/** The native-style throttling frame on HTTP 200 (§5, observed in qwen-code fixtures). */
export const nativeThrottling = {
  status: 429,
  code: 'Throttling.AllocationQuota',
  message: 'Allocated quota exceeded, please increase your quota limit.',
} as const;
