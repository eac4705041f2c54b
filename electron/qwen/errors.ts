/**
 * Every way a Qwen request can fail, mapped to a category, a sentence a person understands and
 * what to do next (qwen-api.md §5). The server's own words go in `detail`, without the link to the
 * error-code page that DashScope appends.
 */
import OpenAI from 'openai';
import type { AppError, ErrorCode } from '../contract';
import { appError } from '../shared/app-error';
import type { MainTextKey, MainTextParams } from '../shared/main-text';
import { hostOf } from './engine-settings';

/** DashScope's error object: `{"error":{message,type,param,code}}` or the native `{code,message}`. */
export interface DashScopeErrorBody {
  message?: string | null;
  type?: string | null;
  code?: string | null;
  param?: string | null;
}

/** An error DashScope reported: an HTTP status with a body, or an error event inside a stream. */
/** QwenApiError.code for a limit of the stream reader hit (sse.ts); mapped to `too_large`. */
export const STREAM_LIMIT_CODE = 'qwen_desk_stream_limit';

export class QwenApiError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly type: string | undefined;
  /** True when it arrived inside a stream (HTTP 200 already sent). */
  readonly inStream: boolean;
  /** From a `Retry-After` header, when the server sent one. */
  readonly retryAfterMs: number | undefined;
  /** The reader's limit that was passed (STREAM_LIMIT_CODE). */
  readonly limit: number | undefined;

  constructor(init: {
    message: string;
    status?: number | undefined;
    code?: string | null | undefined;
    type?: string | null | undefined;
    inStream?: boolean;
    retryAfterMs?: number | undefined;
    limit?: number;
  }) {
    super(init.message);
    this.name = 'QwenApiError';
    this.status = init.status;
    this.code = init.code ?? undefined;
    this.type = init.type ?? undefined;
    this.inStream = init.inStream ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.limit = init.limit;
  }

  static fromBody(
    body: DashScopeErrorBody,
    extra: { status?: number | undefined; inStream?: boolean; retryAfterMs?: number | undefined } = {},
  ): QwenApiError {
    return new QwenApiError({
      message: body.message ?? '',
      code: body.code,
      type: body.type,
      ...extra,
    });
  }
}

/** The stream went silent for longer than the idle timeout. */
export class IdleTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No data for ${timeoutMs} ms`);
    this.name = 'IdleTimeoutError';
  }
}

/** The body ended cleanly but before `[DONE]` or a finish reason: the answer is cut short. */
export class StreamEndedEarlyError extends Error {
  constructor() {
    super('The stream ended before [DONE]');
    this.name = 'StreamEndedEarlyError';
  }
}

/** What the messages mention: the model, the region (keys are per region), the host, the timeouts. */
export interface ErrorContext {
  model: string;
  /** Only for a region's own endpoint; a custom address is named by its host. */
  regionName?: string;
  baseURL: string;
  proxy?: string | null;
  connectTimeoutMs: number;
}

/** `Retry-After`: seconds or an HTTP date (qwen-api.md §5: not documented, honoured when present). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Turns the SDK's status error into a QwenApiError, reading JSON and SSE-framed bodies alike. */
export function fromSdkError(err: InstanceType<typeof OpenAI.APIError>): QwenApiError {
  const retryAfterMs = parseRetryAfter(err.headers?.get('retry-after'));
  const extra = { status: err.status, retryAfterMs };
  const inner = err.error as DashScopeErrorBody | undefined;
  if (inner && typeof inner === 'object') return QwenApiError.fromBody(inner, extra);
  // A body that was not JSON: the SDK put the text in the message, after the status.
  const raw = err.message.replace(/^\d{3}\s+/, '');
  const parsed = parseErrorText(raw);
  if (parsed) return QwenApiError.fromBody(parsed, extra);
  const bare = /status code \(no body\)$/.test(raw) ? '' : raw;
  return new QwenApiError({ message: bare.slice(0, 500), ...extra });
}

/** An error body as text: JSON, or SSE-framed (`data: {"error":…}`) as some gateways send it. */
function parseErrorText(text: string): DashScopeErrorBody | null {
  const candidates = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trim());
  if (candidates.length === 0) candidates.push(text.trim());
  for (const candidate of candidates) {
    try {
      const value = JSON.parse(candidate) as { error?: DashScopeErrorBody } & DashScopeErrorBody;
      if (value.error && typeof value.error === 'object') return value.error;
      if (typeof value.message === 'string') return value;
    } catch {
      // not JSON: try the next line
    }
  }
  return null;
}

/** The server's message without DashScope's trailing "For details, see: <url>". */
export function serverWords(message: string): string {
  return message.replace(/\s*For details,? see:?\s*\S+\s*$/i, '').trim();
}

/** Node / undici error codes along the `cause` chain (fetch failed → connect ECONNREFUSED …). */
function causeCodes(err: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && depth < 6; depth++) {
    if (current instanceof Error || typeof current === 'object') {
      const c = current as { code?: unknown; message?: unknown; cause?: unknown };
      if (typeof c.code === 'string') codes.push(c.code);
      if (typeof c.message === 'string') messages.push(c.message);
      current = c.cause;
    } else break;
  }
  return { codes, messages };
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10}`;

/**
 * `ctx` makes the sentences specific (the model, the region, the host); without it (the key tester)
 * they stay general.
 */
export function mapQwenError(err: unknown, ctx: Partial<ErrorContext> = {}): AppError {
  if (err instanceof IdleTimeoutError) {
    return appError('timeout', 'qwen.idle', {
      params: { seconds: seconds(err.timeoutMs) },
      action: 'qwen.idle.action',
    });
  }
  if (err instanceof StreamEndedEarlyError) {
    return appError('network', 'qwen.cutOff', {
      action: 'qwen.cutOff.action',
      detail: 'The stream ended before its end marker.',
    });
  }
  if (err instanceof OpenAI.APIConnectionTimeoutError) {
    const action = 'qwen.noAnswer.action';
    return ctx.connectTimeoutMs
      ? appError('timeout', 'qwen.noAnswerWithin', {
          params: { seconds: seconds(ctx.connectTimeoutMs) },
          action,
        })
      : appError('timeout', 'qwen.noAnswer', { action });
  }
  if (err instanceof OpenAI.APIError && err.status !== undefined) return mapApiError(fromSdkError(err), ctx);
  if (err instanceof QwenApiError) return mapApiError(err, ctx);
  return mapNetworkError(err, ctx);
}

function mapNetworkError(err: unknown, ctx: Partial<ErrorContext>): AppError {
  const host = ctx.baseURL ? hostOf(ctx.baseURL) : 'Qwen';
  const { codes, messages } = causeCodes(err);
  const has = (...names: string[]) => codes.some((c) => names.includes(c));
  const said = messages.join(' | ');
  const detail = messages.filter((m) => m && m !== 'Connection error.' && m !== 'fetch failed').at(-1);
  const extra = detail ? { detail } : {};
  const at = (code: ErrorCode, key: MainTextKey, action: MainTextKey, params: MainTextParams = { host }) =>
    appError(code, key, { params, action, ...extra });

  if (/proxy/i.test(said) && ctx.proxy) {
    const status = /\((\d{3})\)/.exec(said)?.[1];
    const proxy = hostOf(ctx.proxy);
    return status
      ? at('proxy', 'net.proxyRefusedStatus', 'net.proxyRefused.action', { proxy, status })
      : at('proxy', 'net.proxyRefused', 'net.proxyRefused.action', { proxy });
  }
  if (
    codes.some((c) => /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|^ERR_SSL|^ERR_TLS/.test(c)) ||
    /SSL routines|TLS/.test(said)
  ) {
    const certificate = codes.some((c) => /CERT|SELF_SIGNED|UNABLE_TO/.test(c));
    return at('tls', certificate ? 'net.certificate' : 'net.tls', 'net.tls.action');
  }
  if (has('ECONNREFUSED')) {
    return ctx.proxy
      ? at('network', 'net.refusedViaProxy', 'net.refused.action', { host, proxy: hostOf(ctx.proxy) })
      : at('network', 'net.refused', 'net.refused.action');
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME')) {
    return at('network', 'net.dns', 'net.dns.action');
  }
  if (
    has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED') ||
    /terminated|other side closed|socket hang up/i.test(said)
  ) {
    return at('network', 'qwen.cutOff', 'qwen.cutOff.action');
  }
  if (has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT')) return at('network', 'net.timeout', 'net.timeout.action');
  if (has('EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN'))
    return at('network', 'net.noRoute', 'net.noRoute.action');
  if (err instanceof OpenAI.APIConnectionError || err instanceof TypeError) {
    return at('network', 'net.unreachable', 'net.unreachable.action');
  }
  return appError('internal', 'qwen.unexpected', {
    detail: err instanceof Error ? err.message : String(err),
  });
}

/** What a rejected key's message suggests: the region it must match, or the host that refused it. */
function badKeyAction(ctx: Partial<ErrorContext>): { action: MainTextKey; params?: MainTextParams } {
  if (ctx.regionName) return { action: 'qwen.badKey.action', params: { region: ctx.regionName } };
  if (ctx.baseURL) return { action: 'qwen.badKeyHost.action', params: { host: hostOf(ctx.baseURL) } };
  return { action: 'qwen.badKeyPlain.action' };
}

function mapApiError(err: QwenApiError, ctx: Partial<ErrorContext>): AppError {
  const words = serverWords(err.message);
  const extra = {
    ...(words ? { detail: words } : {}),
    ...(err.status !== undefined ? { httpStatus: err.status } : {}),
  };
  const code = err.code ?? '';
  const type = err.type ?? '';
  const is = (...names: string[]) => names.includes(code) || names.includes(type);
  const say = (c: ErrorCode, key: MainTextKey, action: MainTextKey, params?: MainTextParams) =>
    appError(c, key, { action, ...(params ? { params } : {}), ...extra });

  // Issue 9: the reader's own limits (sse.ts); the text received so far is kept.
  if (code === STREAM_LIMIT_CODE) {
    return appError('too_large', err.type === 'line' ? 'stream.lineTooLong' : 'stream.answerTooLong', {
      params: { chars: err.limit ?? 0 },
      action: 'stream.tooLarge.action',
    });
  }
  if (is('data_inspection_failed', 'DataInspectionFailed')) {
    if (/^output/i.test(words)) return say('moderation', 'moderation.output', 'moderation.output.action');
    if (/^input/i.test(words)) return say('moderation', 'moderation.input', 'moderation.input.action');
    return say('moderation', 'moderation.request', 'moderation.input.action');
  }
  if (is('Arrearage')) return say('arrears', 'qwen.arrears', 'qwen.arrears.action');
  if (is('invalid_api_key', 'InvalidApiKey') || err.status === 401) {
    const { action, params } = badKeyAction(ctx);
    return say('auth', 'qwen.badKey', action, params);
  }
  if (is('insufficient_quota', 'Throttling.AllocationQuota', 'AllocationQuota')) {
    return say('quota', 'qwen.quota', 'qwen.quota.action');
  }
  if (is('limit_burst_rate')) return say('rate_limit', 'qwen.burst', 'qwen.burst.action');
  if (is('limit_requests', 'Throttling.RateQuota', 'Throttling')) {
    return say('rate_limit', 'qwen.rateMinute', 'qwen.rateMinute.action');
  }
  if (is('ModelServingError')) return say('server', 'qwen.overloaded', 'qwen.tryMoment.action');
  if (is('ModelUnavailable')) return say('server', 'qwen.modelUnavailable', 'qwen.modelUnavailable.action');
  if (is('model_not_found', 'model_not_supported') || err.status === 404) {
    return ctx.model
      ? say('model_not_found', 'qwen.noSuchModel', 'qwen.noSuchModel.action', { model: ctx.model })
      : say('model_not_found', 'qwen.noSuchModelPlain', 'qwen.noSuchModel.action');
  }
  if (err.status === 403 || is('access_denied', 'AccessDenied', 'AllocationQuota.FreeTierOnly')) {
    return say('access_denied', 'qwen.accessDenied', 'qwen.accessDenied.action');
  }
  // Images (issue 10): DashScope's image refusals (qwen-api.md §4), in words a person can act on.
  const imageError = imageRefusal(words);
  if (imageError) return say(imageError.code, imageError.key, `${imageError.key}.action`);
  if (err.status === 413) return say('too_large', 'qwen.requestTooLarge', 'qwen.requestTooLarge.action');
  if (err.status === 429) return say('rate_limit', 'qwen.rateNow', 'qwen.rateNow.action');
  if ((err.status !== undefined && err.status >= 500) || is('internal_error', 'InternalError')) {
    return err.status === 500 || is('internal_error', 'InternalError')
      ? say('server', 'qwen.internal', 'qwen.tryMoment.action')
      : say('server', 'qwen.serverStatus', 'qwen.tryMoment.action', { status: err.status ?? 0 });
  }
  if (
    err.status === 400 ||
    is('invalid_parameter_error', 'invalid_value', 'invalid_request_error', 'InvalidParameter')
  ) {
    // Qwen's own words say what it refused; they go under the sentence as the detail.
    return say('bad_request', 'qwen.refused', 'qwen.refused.action');
  }
  return say(err.inStream ? 'server' : 'bad_request', 'qwen.reported', 'qwen.reported.action');
}

type ImageRefusalKey = 'qwen.imageTooBig' | 'qwen.imageUnreadable' | 'qwen.imageTooSmall';

/** DashScope's words about an image it refused, as a human message; null for other errors. */
function imageRefusal(
  words: string | undefined,
): { code: 'too_large' | 'bad_request'; key: ImageRefusalKey } | null {
  if (!words) return null;
  if (/max bytes per data-uri item/i.test(words)) return { code: 'too_large', key: 'qwen.imageTooBig' };
  if (/does not appear to be valid/i.test(words)) return { code: 'bad_request', key: 'qwen.imageUnreadable' };
  if (/image/i.test(words) && /(too small|at least 10|must be (greater|larger)|aspect ratio)/i.test(words))
    return { code: 'bad_request', key: 'qwen.imageTooSmall' };
  return null;
}

/** Statuses worth another try before the first token (issue 3 §7). */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Whether a failure before any output may be retried, and how long the server asked to wait. */
export function retryInfo(err: unknown): { retryable: boolean; retryAfterMs?: number } {
  if (err instanceof IdleTimeoutError || err instanceof StreamEndedEarlyError) return { retryable: true };
  if (err instanceof OpenAI.APIError && err.status !== undefined) err = fromSdkError(err);
  if (err instanceof QwenApiError) {
    const throttled = [
      'Throttling',
      'Throttling.RateQuota',
      'Throttling.AllocationQuota',
      'limit_requests',
      'limit_burst_rate',
      'insufficient_quota',
      'ModelServingError',
    ].includes(err.code ?? '');
    const retryable =
      (err.status !== undefined && RETRY_STATUSES.has(err.status)) || (err.status === undefined && throttled);
    return err.retryAfterMs !== undefined ? { retryable, retryAfterMs: err.retryAfterMs } : { retryable };
  }
  if (err instanceof OpenAI.APIConnectionTimeoutError) return { retryable: true };
  if (err instanceof OpenAI.APIConnectionError || err instanceof TypeError) {
    // A certificate problem or a proxy's refusal will not fix itself; other network trouble might.
    const { codes, messages } = causeCodes(err);
    const certificate = codes.some((c) => /CERT|SELF_SIGNED|UNABLE_TO/.test(c));
    const proxyRefused = messages.some((m) => /proxy response/i.test(m));
    return { retryable: !certificate && !proxyRefused };
  }
  return { retryable: false };
}
