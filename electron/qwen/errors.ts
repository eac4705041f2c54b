/**
 * Every way a Qwen request can fail, mapped to a category, a sentence a person understands and
 * what to do next (qwen-api.md §5). The server's own words go in `detail`, without the link to the
 * error-code page that DashScope appends.
 */
import OpenAI from 'openai';
import type { AppError } from '../contract';
import { appError } from '../shared/app-error';
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

  constructor(init: {
    message: string;
    status?: number | undefined;
    code?: string | null | undefined;
    type?: string | null | undefined;
    inStream?: boolean;
    retryAfterMs?: number | undefined;
  }) {
    super(init.message);
    this.name = 'QwenApiError';
    this.status = init.status;
    this.code = init.code ?? undefined;
    this.type = init.type ?? undefined;
    this.inStream = init.inStream ?? false;
    this.retryAfterMs = init.retryAfterMs;
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
  regionName: string;
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
    return appError(
      'timeout',
      `Qwen stopped sending for ${seconds(err.timeoutMs)} s, so Qwen Desk stopped waiting.`,
      {
        action: 'Try again, or raise the idle timeout in Settings.',
      },
    );
  }
  if (err instanceof StreamEndedEarlyError) {
    return appError('network', 'The connection to Qwen was cut off.', {
      action: 'Try again. If it keeps happening, check your network or proxy.',
      detail: 'The stream ended before its end marker.',
    });
  }
  if (err instanceof OpenAI.APIConnectionTimeoutError) {
    const within = ctx.connectTimeoutMs ? ` within ${seconds(ctx.connectTimeoutMs)} s` : ' in time';
    return appError('timeout', `Qwen did not answer${within}.`, {
      action: 'Try again. If it keeps happening, check your connection or raise the timeout in Settings.',
    });
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

  if (/proxy/i.test(said) && ctx.proxy) {
    const status = /\((\d{3})\)/.exec(said)?.[1];
    return appError(
      'proxy',
      `The proxy ${hostOf(ctx.proxy)} refused to connect to Qwen${status ? ` (HTTP ${status})` : ''}.`,
      {
        action: 'Check the proxy address (and its login) in Settings.',
        ...extra,
      },
    );
  }
  if (
    codes.some((c) => /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|^ERR_SSL|^ERR_TLS/.test(c)) ||
    /SSL routines|TLS/.test(said)
  ) {
    const certificate = codes.some((c) => /CERT|SELF_SIGNED|UNABLE_TO/.test(c));
    return appError(
      'tls',
      certificate
        ? `Could not make a secure connection to ${host}: its certificate is not trusted.`
        : `Could not make a secure connection to ${host}: the TLS handshake failed.`,
      {
        action:
          'Check the base URL in Settings. If a company proxy inspects HTTPS traffic, set that proxy in Settings.',
        ...extra,
      },
    );
  }
  if (has('ECONNREFUSED')) {
    const viaProxy = ctx.proxy ? ` or the proxy ${hostOf(ctx.proxy)}` : '';
    return appError('network', `Could not connect to ${host}${viaProxy}: the connection was refused.`, {
      action: 'Check the region or base URL in Settings, and the proxy setting.',
      ...extra,
    });
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME')) {
    return appError('network', `Could not find ${host}: the name did not resolve (DNS).`, {
      action: 'Check your internet connection, the base URL and the proxy setting.',
      ...extra,
    });
  }
  if (
    has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED') ||
    /terminated|other side closed|socket hang up/i.test(said)
  ) {
    return appError('network', 'The connection to Qwen was cut off.', {
      action: 'Try again. If it keeps happening, check your network or proxy.',
      ...extra,
    });
  }
  if (has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT')) {
    return appError('network', `Could not connect to ${host}: it did not answer.`, {
      action: 'Check your internet connection and the proxy setting.',
      ...extra,
    });
  }
  if (has('EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN')) {
    return appError('network', `Could not reach ${host}: there is no network route to it.`, {
      action: 'Check your internet connection.',
      ...extra,
    });
  }
  if (err instanceof OpenAI.APIConnectionError || err instanceof TypeError) {
    return appError('network', 'Could not reach Qwen.', {
      action: 'Check your internet connection and the proxy setting, then try again.',
      ...extra,
    });
  }
  return appError('internal', 'Something went wrong while talking to Qwen.', {
    detail: err instanceof Error ? err.message : String(err),
  });
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

  // Issue 9: the reader's own limits (sse.ts); the text received so far is kept.
  if (code === STREAM_LIMIT_CODE) {
    return appError('too_large', err.message, {
      action: 'The text received so far is kept. Ask for a shorter answer, or check the base URL.',
    });
  }
  if (is('data_inspection_failed', 'DataInspectionFailed')) {
    if (/^output/i.test(words)) {
      return appError('moderation', "Qwen's content safety check stopped the answer.", {
        action: 'Ask the question another way.',
        ...extra,
      });
    }
    if (/^input/i.test(words)) {
      return appError('moderation', "Qwen's content safety check refused your message.", {
        action: 'Rephrase the message and send it again.',
        ...extra,
      });
    }
    return appError('moderation', "Qwen's content safety check refused this request.", {
      action: 'Rephrase the message and send it again.',
      ...extra,
    });
  }
  if (is('Arrearage')) {
    return appError('arrears', 'Your Alibaba Cloud account is overdue, so Qwen refused the request.', {
      action: 'Top up or settle your account in the Alibaba Cloud console, then try again.',
      ...extra,
    });
  }
  if (is('invalid_api_key', 'InvalidApiKey') || err.status === 401) {
    return appError('auth', 'Qwen rejected the API key.', {
      action: `Check the key, and that the region in Settings${ctx.regionName ? ` (now: ${ctx.regionName})` : ''} is the one the key was made in: keys work only in their own region.`,
      ...extra,
    });
  }
  if (is('insufficient_quota', 'Throttling.AllocationQuota', 'AllocationQuota')) {
    return appError('quota', 'Your token quota for this model is used up for now.', {
      action: 'Wait a minute and try again, or raise the quota in Model Studio.',
      ...extra,
    });
  }
  if (is('limit_burst_rate')) {
    return appError('rate_limit', 'Requests to Qwen increased too quickly.', {
      action: 'Wait a few seconds and try again.',
      ...extra,
    });
  }
  if (is('limit_requests', 'Throttling.RateQuota', 'Throttling')) {
    return appError('rate_limit', 'Too many requests to Qwen in the last minute.', {
      action: 'Wait a minute and try again.',
      ...extra,
    });
  }
  if (is('ModelServingError')) {
    return appError('server', 'Qwen is overloaded right now.', {
      action: 'Try again in a moment.',
      ...extra,
    });
  }
  if (is('ModelUnavailable')) {
    return appError('server', 'This model is unavailable right now.', {
      action: 'Try again in a moment, or choose another model.',
      ...extra,
    });
  }
  if (is('model_not_found', 'model_not_supported') || err.status === 404) {
    return appError(
      'model_not_found',
      ctx.model
        ? `The model "${ctx.model}" does not exist, or your key cannot use it.`
        : 'This model does not exist, or your key cannot use it.',
      {
        action:
          'Choose another model. Model ids are case-sensitive, and some models exist only in some regions.',
        ...extra,
      },
    );
  }
  if (err.status === 403 || is('access_denied', 'AccessDenied', 'AllocationQuota.FreeTierOnly')) {
    return appError('access_denied', 'Qwen refused access to this model for your account.', {
      action:
        'Check the model is enabled for your account in Model Studio (a "free tier only" setting can block it).',
      ...extra,
    });
  }
  // Images (issue 10): DashScope's image refusals (qwen-api.md §4), in words a person can act on.
  const imageError = imageRefusal(words);
  if (imageError)
    return appError(imageError.code, imageError.message, { action: imageError.action, ...extra });
  if (err.status === 413) {
    return appError('too_large', 'This request is larger than Qwen accepts.', {
      action: 'Remove some images or attachments, or start a new conversation with less history.',
      ...extra,
    });
  }
  if (err.status === 429) {
    return appError('rate_limit', 'Too many requests to Qwen right now.', {
      action: 'Wait a moment and try again.',
      ...extra,
    });
  }
  if ((err.status !== undefined && err.status >= 500) || is('internal_error', 'InternalError')) {
    return appError(
      'server',
      err.status === 500 || is('internal_error', 'InternalError')
        ? 'Qwen had an internal error.'
        : `Qwen's servers had a problem (HTTP ${err.status}).`,
      { action: 'Try again in a moment.', ...extra },
    );
  }
  if (
    err.status === 400 ||
    is('invalid_parameter_error', 'invalid_value', 'invalid_request_error', 'InvalidParameter')
  ) {
    return appError(
      'bad_request',
      words ? `Qwen refused the request: ${words}` : 'Qwen refused the request.',
      {
        action: 'Change the setting it names and send again.',
        ...extra,
      },
    );
  }
  return appError(
    err.inStream ? 'server' : 'bad_request',
    words ? `Qwen reported an error: ${words}` : 'Qwen reported an error.',
    { action: 'Try again.', ...extra },
  );
}

/** DashScope's words about an image it refused, as a human message; null for other errors. */
function imageRefusal(
  words: string | undefined,
): { code: 'too_large' | 'bad_request'; message: string; action: string } | null {
  if (!words) return null;
  if (/max bytes per data-uri item/i.test(words))
    return {
      code: 'too_large',
      message: 'An image is larger than Qwen accepts (10 MB per image).',
      action: 'Remove the image, or attach a smaller copy of it.',
    };
  if (/does not appear to be valid/i.test(words))
    return {
      code: 'bad_request',
      message: 'Qwen could not read one of the images.',
      action: 'Remove the image and attach it again, or save it as PNG or JPEG first.',
    };
  if (/image/i.test(words) && /(too small|at least 10|must be (greater|larger)|aspect ratio)/i.test(words))
    return {
      code: 'bad_request',
      message: 'An image is too small or too narrow for Qwen (each side at least 10 px, at most 200:1).',
      action: 'Remove that image and send again.',
    };
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
