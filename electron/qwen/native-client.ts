/**
 * The DashScope native transport (qwen-api-2026.md §1; qwen-api.md §6): the same QwenClient the
 * compatible one is, so the engine's callers cannot tell which ran. It sends
 * `POST {base}/services/aigc/{text|multimodal}-generation/generation` with `X-DashScope-SSE:
 * enable`, `result_format: "message"` and `incremental_output: true`, reads the native frames
 * (sse.ts, native mode) and turns native error bodies into the same QwenApiError. With web search
 * on it asks for sources and `[n]` citations, the sources first (`prepend_search_result`).
 */
import OpenAI from 'openai';
import { systemClock } from '../shared/clock';
import type { ModelInfo } from '../contract';
import { parseRetryAfter, QwenApiError } from './errors';
import { describeModel } from '../shared/models';
import type { ChatBody, WireMessage } from '../shared/params';
import type { QwenClientFactory } from './qwen-client';
import { SseAnswerParser } from './sse';
import { repeatsFullText } from '../shared/translation';
import { readAnswerStream, unexpectedBody } from './stream-reader';

export const NATIVE_TEXT_PATH = '/services/aigc/text-generation/generation';
export const NATIVE_MULTIMODAL_PATH = '/services/aigc/multimodal-generation/generation';

type NativePart = { text: string; cache_control?: { type: 'ephemeral' } } | { image: string };

export interface NativeBody {
  model: string;
  input: { messages: Array<{ role: string; content: string | NativePart[] }> };
  parameters: Record<string, unknown>;
}

/** The path a model needs: text-only models and the rest (the wrong one gives `url error`). */
export function nativePath(model: ModelInfo): string {
  return model.nativeService === 'multimodal' ? NATIVE_MULTIMODAL_PATH : NATIVE_TEXT_PATH;
}

function nativeContent(content: WireMessage['content'], multimodal: boolean): string | NativePart[] {
  if (typeof content === 'string') return multimodal ? [{ text: content }] : content;
  const parts = content.map((p): NativePart => {
    if (p.type === 'image_url') return { image: p.image_url.url };
    return p.cache_control ? { text: p.text, cache_control: p.cache_control } : { text: p.text };
  });
  // Text-generation takes a string; an array only to carry a cache marker.
  if (!multimodal && parts.every((p) => 'text' in p && !p.cache_control)) {
    return parts.map((p) => ('text' in p ? p.text : '')).join('');
  }
  return parts;
}

const PARAMETERS = [
  'temperature',
  'top_p',
  'max_tokens',
  'seed',
  'stop',
  'presence_penalty',
  'response_format',
  'enable_thinking',
  'thinking_budget',
  'enable_search',
  'translation_options',
] as const;

/** The compatible body (params.ts, checked by the same rules) in the native shape. */
export function toNativeBody(
  body: Omit<ChatBody, 'stream' | 'stream_options'>,
  model: ModelInfo,
  stream = true,
) {
  const multimodal = model.nativeService === 'multimodal';
  const parameters: Record<string, unknown> = { result_format: 'message' };
  // qwen-mt-plus/turbo stream only the full text so far (§6.4); the stream manager makes increments.
  if (stream) parameters.incremental_output = !repeatsFullText(body.model);
  for (const name of PARAMETERS) if (body[name] !== undefined) parameters[name] = body[name];
  if (body.enable_search) {
    const strategy = body.search_options?.search_strategy;
    // agent strategies take only enable_source; the others add citations and the sources first (§7.2).
    const agent = strategy === 'agent' || strategy === 'agent_max';
    parameters.search_options = {
      ...(strategy ? { search_strategy: strategy } : {}),
      enable_source: true,
      ...(agent ? {} : { enable_citation: true, citation_format: '[<number>]' }),
      ...(agent || !stream ? {} : { prepend_search_result: true }),
    };
  }
  const native: NativeBody = {
    model: body.model,
    input: {
      messages: body.messages.map((m) => ({ role: m.role, content: nativeContent(m.content, multimodal) })),
    },
    parameters,
  };
  return native;
}

/** The native base for a compatible one: the same host, `/compatible-mode/v1` → `/api/v1` (§1.1). */
export function nativeBaseURL(compatibleBaseURL: string): string | null {
  const base = compatibleBaseURL.replace(/\/+$/, '');
  return /\/compatible-mode\/v1$/.test(base) ? base.replace(/\/compatible-mode\/v1$/, '/api/v1') : null;
}

/** A non-2xx native answer: `{code, message, request_id}` (JSON, or SSE-framed), as QwenApiError. */
async function statusError(response: Response): Promise<QwenApiError> {
  const text = await response.text().catch(() => '');
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const data = text
    .split(/\r?\n/)
    .find((l) => l.startsWith('data:'))
    ?.slice(5)
    .trim();
  const parsed = unexpectedBody(data ?? text, response.status);
  if (parsed.code || parsed.type) {
    return new QwenApiError({
      message: parsed.message,
      status: response.status,
      code: parsed.code,
      type: parsed.type ?? parsed.code,
      retryAfterMs,
    });
  }
  return new QwenApiError({ message: text.slice(0, 500), status: response.status, retryAfterMs });
}

export const createNativeClient: QwenClientFactory = (options) => {
  const clock = options.clock ?? systemClock;
  const doFetch = options.fetch ?? fetch;
  const base = options.baseURL.replace(/\/+$/, '');
  const connectTimeoutMs = options.timeoutMs ?? 120_000;

  /** POST with the connection timeout (until the headers arrive), as the SDK does on the other side. */
  async function post(
    path: string,
    payload: unknown,
    signal: AbortSignal | undefined,
    sse: boolean,
    timeoutMs = connectTimeoutMs,
  ) {
    const controller = new AbortController();
    const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
    let timedOut = false;
    // Real time, as the SDK's own timeout on the compatible side (the injected clock times silence).
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          'content-type': 'application/json',
          ...(sse ? { accept: 'text/event-stream', 'x-dashscope-sse': 'enable' } : {}),
        },
        body: JSON.stringify(payload),
        signal: combined,
      });
      if (!response.ok) throw await statusError(response);
      return response;
    } catch (err) {
      if (timedOut && !signal?.aborted) throw new OpenAI.APIConnectionTimeoutError();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    streamChat({ body, signal, idleTimeoutMs, onPart }) {
      const model = describeModel(body.model);
      const strategy = body.search_options?.search_strategy;
      const search = body.enable_search ? { strategy } : null;
      return readAnswerStream({
        open: (combined) => post(nativePath(model), toNativeBody(body, model), combined, true),
        signal,
        idleTimeoutMs,
        clock,
        onPart,
        parser: (onPart) =>
          Object.assign(new SseAnswerParser(onPart, undefined, { search }), {
            repeatsFullText: repeatsFullText(body.model),
          }),
      });
    },

    async complete({ body, signal, timeoutMs }) {
      const model = describeModel(body.model);
      const response = await post(
        nativePath(model),
        toNativeBody(body, model, false),
        signal,
        false,
        timeoutMs,
      );
      const value = (await response.json()) as {
        output?: { choices?: Array<{ message?: { content?: unknown } }> };
      };
      const content = value.output?.choices?.[0]?.message?.content;
      return typeof content === 'string' ? content : '';
    },

    listModels() {
      // The native protocol has no model list; the engine asks the compatible endpoint.
      return Promise.reject(
        new QwenApiError({ message: 'The native protocol lists no models.', status: 404 }),
      );
    },
  };
};
