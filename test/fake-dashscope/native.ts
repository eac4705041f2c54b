/**
 * The fake server's DashScope native protocol (qwen-api-2026.md §1, §4.3, §7.3; qwen-api.md §6):
 * `POST /api/v1/services/aigc/{text,multimodal}-generation/generation`, streaming only with
 * `X-DashScope-SSE: enable`, frames `id:`/`event:result`/`:HTTP_STATUS/200`/`data:` with no
 * `[DONE]` and `finish_reason` the string "null" until the last event, usage in every event with
 * native names, errors as native bodies (`{code,message,request_id}`) and as `event:error` frames,
 * web-search sources (`search_info`, the prepended first event) and the search count.
 * The same FakeScenario drives both protocols, so one table of cases runs on both.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { FakeScenario } from './server';
import { eventText, type WireTranslationOptions } from './translation';

export const NATIVE_BASE = '/api/v1';
export const NATIVE_TEXT = `${NATIVE_BASE}/services/aigc/text-generation/generation`;
export const NATIVE_MULTIMODAL = `${NATIVE_BASE}/services/aigc/multimodal-generation/generation`;

/** Models that must use multimodal-generation (§1.1): VL, QVQ, and the natively multimodal ones. */
export function needsMultimodal(model: string): boolean {
  return /^(qwen3\.5-|qwen3\.6-|qwen3\.7-plus|qwen-vl-|qwen3-vl-|qvq-)/.test(model);
}

export interface NativeRequestBody {
  model?: string;
  input?: { messages?: Array<{ role: string; content: unknown }> };
  parameters?: {
    result_format?: string;
    incremental_output?: boolean;
    enable_thinking?: boolean;
    enable_search?: boolean;
    search_options?: {
      search_strategy?: string;
      enable_source?: boolean;
      enable_citation?: boolean;
      prepend_search_result?: boolean;
    };
    response_format?: { type?: string };
    translation_options?: WireTranslationOptions;
  };
}

/** Compatible-mode error codes to the native ones the references give (§1.3, ref §5–§6). */
const NATIVE_CODES: Record<string, string> = {
  invalid_api_key: 'InvalidApiKey',
  limit_requests: 'Throttling.RateQuota',
  insufficient_quota: 'Throttling.AllocationQuota',
  data_inspection_failed: 'DataInspectionFailed',
  internal_error: 'InternalError',
  invalid_parameter_error: 'InvalidParameter',
  invalid_value: 'InvalidParameter',
};
export const nativeCode = (code: string): string => NATIVE_CODES[code] ?? code;

export function nativeErrorBody(code: string, message: string) {
  return { request_id: randomUUID(), code: nativeCode(code), message };
}

/** One native SSE event, byte for byte as DashScope frames it (no space after the colons). */
export function nativeEvent(id: number, payload: unknown, event = 'result', status = 200): string {
  return `id:${id}\nevent:${event}\n:HTTP_STATUS/${status}\ndata:${JSON.stringify(payload)}\n\n`;
}

export const defaultSources = [
  {
    site_name: 'Example News',
    icon: 'https://example.com/favicon.ico',
    index: 1,
    title: 'West Lake travel guide',
    url: 'https://example.com/west-lake',
  },
  { site_name: 'Wiki', icon: '', index: 2, title: 'Hangzhou', url: 'https://wiki.example.org/Hangzhou' },
];

interface Usage {
  input: number;
  output: number;
  reasoning: number;
  cached?: number | undefined;
  created?: number | undefined;
  searchCount?: number | undefined;
}

function usageOf(u: Usage) {
  return {
    input_tokens: u.input,
    output_tokens: u.output,
    total_tokens: u.input + u.output,
    ...(u.reasoning ? { output_tokens_details: { reasoning_tokens: u.reasoning } } : {}),
    ...(u.cached !== undefined || u.created !== undefined
      ? {
          prompt_tokens_details: {
            cached_tokens: u.cached ?? 0,
            ...(u.created !== undefined
              ? {
                  cache_type: 'ephemeral',
                  cache_creation_input_tokens: u.created,
                  cache_creation: { ephemeral_5m_input_tokens: u.created },
                }
              : {}),
          },
        }
      : {}),
    ...(u.searchCount !== undefined ? { plugins: { search: { count: u.searchCount } } } : {}),
  };
}

const choice = (content: string, reasoning: string, finish: string) => ({
  message: { role: 'assistant', content, reasoning_content: reasoning },
  finish_reason: finish,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The scenario's way of failing after `i` tokens, on either protocol: silence (the connection held
 * open), a clean end before the answer's end, or a reset. True when the answer stops here.
 */
export async function cutShort(
  s: Extract<FakeScenario, { type: 'stream' }>,
  i: number,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<boolean> {
  if (s.stallAfter === i) return true;
  if (s.endAfter === i) {
    res.end();
    return true;
  }
  if (s.resetAfter === i) {
    // Let what was sent reach the client first: a reset discards unread data.
    await sleep(50);
    req.socket.resetAndDestroy();
    return true;
  }
  return false;
}

/** Streams `s` natively (the scenario's `type: 'stream'`), as DashScope does with SSE on. */
export async function streamNative(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  s: Extract<FakeScenario, { type: 'stream' }>,
  request: NativeRequestBody,
  promptTokens: number,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream;charset=UTF-8', 'cache-control': 'no-cache' });
  const requestId = randomUUID();
  const options = request.parameters?.search_options;
  const searching = request.parameters?.enable_search === true;
  const sources = s.search?.results ?? defaultSources;
  const searchCount = searching ? (s.search?.count ?? 1) : undefined;
  const withSources = searching && options?.enable_source === true && (searchCount ?? 0) > 0;
  const searchInfo = withSources ? { search_info: { search_results: sources } } : {};
  let id = 0;
  let output = 0;
  const input = s.promptTokens ?? promptTokens;
  const usage = (): Usage => ({
    input,
    output,
    reasoning: Math.min(output, s.reasoning?.length ?? 0),
    cached: s.cachedTokens,
    created: s.cacheCreationTokens,
    searchCount,
  });
  const write = async (frame: string) => {
    if (res.destroyed) return;
    if (!res.write(frame)) await new Promise<void>((r) => res.once('drain', () => r()));
  };
  const event = (content: string, reasoning: string, finish = 'null', extra: object = {}) =>
    write(
      nativeEvent(++id, {
        output: { choices: [choice(content, reasoning, finish)], ...extra },
        usage: usageOf(usage()),
        request_id: requestId,
      }),
    );
  // With prepend_search_result the first event carries only the sources (§7.3).
  const prepend = withSources && options?.prepend_search_result === true;
  if (prepend) await event('', '', 'null', searchInfo);
  for (const piece of s.reasoning ?? []) {
    if (res.destroyed) return;
    if (s.delayMs) await sleep(s.delayMs);
    output++;
    await event('', piece);
  }
  for (let i = 0; i <= s.tokens.length; i++) {
    if (res.destroyed) return;
    const failure =
      s.nativeError ??
      (s.midStreamError
        ? { status: 500, code: s.midStreamError.error.code, message: s.midStreamError.error.message }
        : null);
    if (failure && (s.nativeError?.afterTokens ?? s.midStreamError?.afterTokens) === i) {
      await write(nativeEvent(++id, nativeErrorBody(failure.code, failure.message), 'error', failure.status));
      res.end();
      return;
    }
    if (await cutShort(s, i, req, res)) return;
    const token = s.tokens[i];
    if (token === undefined) break;
    if (s.delayMs) await sleep(s.delayMs);
    output++;
    await event(eventText(s, i), '', 'null', !prepend && i === 0 ? searchInfo : {});
  }
  await event('', '', s.finishReason ?? 'stop');
  if (s.endDelayMs) await sleep(s.endDelayMs);
  res.end();
}

/** The non-streaming native answer (no SSE header). */
export function completionNative(content: string, promptTokens: number, outputTokens: number) {
  return {
    output: { choices: [{ finish_reason: 'stop', message: { role: 'assistant', content } }] },
    usage: usageOf({ input: promptTokens, output: outputTokens, reasoning: 0 }),
    request_id: randomUUID(),
  };
}

/** What DashScope refuses on the native paths before answering; null when it answers. */
export function refuseNative(
  path: string,
  r: NativeRequestBody,
  sse: boolean,
): { status: number; code: string; message: string } | null {
  const model = r.model ?? '';
  if (path === NATIVE_TEXT && needsMultimodal(model))
    return { status: 400, code: 'InvalidParameter', message: 'url error, please check url!' };
  if (path === NATIVE_MULTIMODAL && !needsMultimodal(model))
    return { status: 400, code: 'InvalidParameter', message: 'url error, please check url!' };
  const p = r.parameters ?? {};
  if (
    p.enable_thinking === true &&
    (p.result_format !== 'message' || (sse && p.incremental_output !== true))
  ) {
    return {
      status: 400,
      code: 'InvalidParameter',
      message: 'Thinking requires result_format "message" and incremental_output true.',
    };
  }
  return null;
}
