/**
 * A loopback server that speaks DashScope's OpenAI-compatible wire format: SSE `data:` events, the
 * usage chunk with empty `choices`, `data: [DONE]`, and the JSON error body. Tests script what it
 * answers (`enqueue`, `setDefault`) and read back what it received (`requests`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  completionBody,
  contentChunk,
  errorBody,
  dashscopeErrors,
  midStreamErrorFrame,
  nativeErrorFrame,
  finishChunk,
  firstChunk,
  newIdentity,
  reasoningChunk,
  sseData,
  SSE_DONE,
  usageChunk,
} from './wire';
import { CacheSimulator } from './cache-sim';
import { answerNative } from './native-answer';
import { cutShort, NATIVE_BASE, nativeErrorBody, type defaultSources } from './native';
import { receiveImages, type ReceivedImage } from './images';
import {
  eventText,
  refuseTranslation,
  translationScenario,
  type WireTranslationOptions,
} from './translation';
import { FakeImageGeneration } from './image-generation';

export const COMPATIBLE_PATH = '/compatible-mode/v1';

type WireError = { message: string; type: string; code: string };

export type FakeScenario =
  | {
      type: 'stream';
      /** The answer, already cut into tokens (see `tokenize`). */
      tokens: string[];
      reasoning?: string[];
      /** Pause before each token, ms (0: as fast as the socket takes them). */
      delayMs?: number;
      finishReason?: 'stop' | 'length';
      promptTokens?: number;
      cachedTokens?: number;
      /** After this many answer tokens: `data: {"error":…}`, then the stream ends (§5). */
      midStreamError?: { afterTokens: number; error: WireError };
      /** After this many answer tokens: the native `event:error` frame, then the end (§5). */
      nativeError?: { afterTokens: number; status: number; code: string; message: string };
      /** After this many answer tokens: silence, the connection held open (idle timeout). */
      stallAfter?: number;
      /** After this many answer tokens: the TCP connection is reset. */
      resetAfter?: number;
      /** After this many answer tokens: the response ends cleanly, without finish reason or [DONE]. */
      endAfter?: number;
      /** Pause between `data: [DONE]` and the end of the response, ms. */
      endDelayMs?: number;
      // Native protocol (issue 13): tokens written to the explicit cache, and web search as it ran
      // (count 0: asked for but skipped, the silent 15 RPS limit); default: 1 search, two sources.
      cacheCreationTokens?: number;
      search?: { count: number; results?: typeof defaultSources };
      /** Issue 14: every event carries the whole text so far (qwen-mt-plus/turbo, §6.4). */
      fullText?: boolean;
    }
  | {
      type: 'error';
      status: number;
      error: WireError;
      headers?: Record<string, string>;
      /** `sse`: the body framed as `data: {…}` with an event-stream type, as some gateways do (§5). */
      framing?: 'json' | 'sse';
    }
  /** A non-streaming answer (titles). */
  | { type: 'completion'; content: string; delayMs?: number }
  /** Accepts the request and never answers (connection / first-byte timeout). */
  | { type: 'hang' }
  /** Resets the connection before any answer. */
  | { type: 'reset' }
  /** Anything else, sent as is (for malformed or unusual answers). */
  | { type: 'raw'; status: number; headers?: Record<string, string>; body: string };

/** Largest request body DashScope takes without base64 parts (§2): over it, HTTP 413. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Models that answer only when streaming (§1, §2). */
const STREAMING_ONLY = ['qwq-plus', 'qvq-max'];

export interface RecordedRequest {
  /** Issue 10: the images of a chat request, as the fake decoded them. */
  images?: ReceivedImage[];
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** True when the client closed the connection before the answer was complete. */
  aborted: boolean;
  /** The client's port: the same on two requests means one kept-alive connection. */
  remotePort: number | undefined;
  /** Resolves when the answer has ended, either way. */
  ended: Promise<void>;
}

export interface FakeDashScopeOptions {
  /** When set, only these keys are accepted; others get DashScope's 401. */
  validKeys?: string[];
  /** Models `GET /models` lists; null: the endpoint answers 404 (it is undocumented). */
  models?: string[] | null;
  /** Play the explicit context cache (cache-sim.ts) for streams whose scenario sets no cache. */
  simulateCache?: boolean;
  port?: number;
}

/** Splits text into small tokens (a word or a few characters each), as a model streams them. */
export function tokenize(text: string): string[] {
  return text.match(/\s*[^\s]{1,4}|\s+/gu) ?? [];
}

/** The default answer: mentions the question, so tests can tell answers apart. */
export function defaultAnswer(question: string): string {
  const q = question.length > 80 ? `${question.slice(0, 80)}…` : question;
  return `You asked: "${q}". This answer comes from the fake DashScope server, streamed token by token.`;
}

export class FakeDashScope {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: FakeScenario[] = [];
  private defaultScenario: ((question: string, request: FakeRequestBody) => FakeScenario | null) | null =
    null;
  /** Issue 14: image generation, its tasks and its result host (a second loopback port). */
  readonly images = new FakeImageGeneration();
  private readonly server: http.Server;
  private port = 0;

  constructor(private readonly options: FakeDashScopeOptions = {}) {
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    await this.images.start();
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.images.close();
  }

  /** The compatible-mode base URL, for `DASHSCOPE_BASE_URL`. */
  get baseURL(): string {
    return `http://127.0.0.1:${this.port}${COMPATIBLE_PATH}`;
  }

  /** The next request gets this answer (first in, first out). */
  enqueue(...scenarios: FakeScenario[]): this {
    this.queue.push(...scenarios);
    return this;
  }

  /** Forgets queued answers a test left unused (a request it expected was refused first). */
  clearQueue(): this {
    this.queue.length = 0;
    return this;
  }

  /**
   * What requests get when nothing is queued (default: a short streamed echo of the question, or
   * Qwen-MT's translation); `make` returning null leaves a request to that built-in answer.
   */
  setDefault(make: ((question: string, request: FakeRequestBody) => FakeScenario | null) | null): this {
    this.defaultScenario = make;
    return this;
  }

  /** The native base URL (`/api/v1`), for `DASHSCOPE_NATIVE_BASE_URL` or a transport test. */
  get nativeBaseURL(): string {
    return `http://127.0.0.1:${this.port}${NATIVE_BASE}`;
  }

  get chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  /** Requests on the native generation paths. */
  get nativeRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(`${NATIVE_BASE}/services/aigc/`));
  }

  /** Streamed chat requests only: answers, not the non-streaming title requests that follow them. */
  get streamRequests(): RecordedRequest[] {
    return this.chatRequests.filter((r) => (r.body as { stream?: unknown } | undefined)?.stream === true);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // Keep the raw text; the handler answers 400 below.
    }
    let markEnded!: () => void;
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0] ?? '',
      headers: req.headers,
      body,
      aborted: false,
      remotePort: req.socket.remotePort,
      ended: new Promise<void>((resolve) => (markEnded = resolve)),
    };
    this.requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
      markEnded();
    });

    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    const native =
      (req.method === 'POST' && record.path.startsWith(`${NATIVE_BASE}/services/aigc/`)) ||
      record.path.startsWith(`${NATIVE_BASE}/tasks/`);
    if (!key || (this.options.validKeys && !this.options.validKeys.includes(key))) {
      if (native) return sendJson(res, 401, nativeErrorBody('InvalidApiKey', 'Invalid API-key provided.'));
      return sendError(res, 401, {
        message:
          'Incorrect API key provided. For details, see: https://help.aliyun.com/zh/model-studio/error-code#apikey-error',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      });
    }

    if (req.method === 'GET' && record.path === `${COMPATIBLE_PATH}/models`) {
      const models =
        this.options.models === undefined ? ['qwen-plus', 'qwen-turbo', 'qwen-max'] : this.options.models;
      if (models === null) {
        return sendJson(res, 404, { error: { message: 'Not found', type: 'not_found', code: 'not_found' } });
      }
      return sendJson(res, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 1728632029, owned_by: 'system' })),
      });
    }
    if (this.images.handles(req.method ?? '', record.path, body))
      return this.images.answer(req, record.path, body, (status, payload) => sendJson(res, status, payload));
    if (native) return this.handleNative(req, res, record.path, raw, body);
    if (req.method !== 'POST' || record.path !== `${COMPATIBLE_PATH}/chat/completions`) {
      return sendJson(res, 404, { error: { message: 'Not found', type: 'not_found', code: 'not_found' } });
    }
    // With base64 parts the whole body may reach 64 MiB (§2); each item is checked below.
    const limit = raw.includes(';base64,') ? 64 * 1024 * 1024 : MAX_BODY_BYTES;
    if (raw.length > limit) {
      // The gateway answers, not the model service: no DashScope error body (§2 gives only the status).
      res.writeHead(413, { 'content-type': 'text/html' });
      res.end(
        '<html><head><title>413 Request Entity Too Large</title></head><body>413 Request Entity Too Large</body></html>',
      );
      return;
    }
    if (typeof body !== 'object' || body === null) {
      return sendError(res, 400, {
        message: 'The request body is not valid JSON.',
        type: 'invalid_request_error',
        code: 'invalid_parameter_error',
      });
    }
    const request = body as FakeRequestBody;
    const refusal = refuse(request);
    if (refusal) return sendError(res, refusal.status, refusal.error);
    const received = receiveImages(request.messages);
    if ('error' in received) return sendError(res, 400, received.error);
    if (received.images.length > 0) record.images = received.images;
    const question = lastUserText(request.messages ?? []);
    const scenario = this.pick(question, request);
    await this.answer(req, res, scenario, request, JSON.stringify(request.messages ?? []));
  }

  /** The native generation paths (native.ts): the same scenarios, in native framing and bodies. */
  private handleNative(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
    raw: string,
    body: unknown,
  ): Promise<void> {
    return answerNative(
      { req, res, path, raw, body },
      {
        maxBodyBytes: MAX_BODY_BYTES,
        refuse: (view) => refuse(view),
        question: (messages) => lastUserText(messages),
        pick: (question, view) => this.pick(question, view),
        answerText: (question) => defaultAnswer(question),
        countTokens: (text) => tokenize(text).length,
      },
    );
  }

  private readonly cache = new CacheSimulator();

  /** The queued scenario, else the default one (a short streamed echo, with thinking if asked). */
  private pick(question: string, request: FakeRequestBody): FakeScenario {
    const thinking = request.enable_thinking === true || STREAMING_ONLY.includes(request.model ?? '');
    const scenario: FakeScenario = this.queue.shift() ??
      this.defaultScenario?.(question, request) ??
      // Issue 14: Qwen-MT answers with its translation (translation.ts).
      (request.translation_options
        ? translationScenario(request.model, question, request.translation_options, tokenize)
        : null) ?? {
        type: 'stream',
        tokens: tokenize(defaultAnswer(question)),
        ...(thinking ? { reasoning: tokenize(`Thinking about "${question.slice(0, 40)}" first.`) } : {}),
        delayMs: 5,
      };
    if (this.options.simulateCache && scenario.type === 'stream' && scenario.cachedTokens === undefined) {
      const usage = this.cache.use(request.messages ?? []);
      if (usage) return { ...scenario, ...usage };
    }
    return scenario;
  }

  private async answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    s: FakeScenario,
    request: FakeRequestBody,
    prompt: string,
  ): Promise<void> {
    const model = request.model ?? 'qwen-plus';
    if (s.type === 'error') {
      if (s.framing === 'sse') {
        res.writeHead(s.status, { 'content-type': 'text/event-stream;charset=UTF-8', ...s.headers });
        res.end(sseData(errorBody(s.error)));
        return;
      }
      return sendError(res, s.status, s.error, s.headers);
    }
    if (s.type === 'raw') {
      res.writeHead(s.status, s.headers ?? {});
      res.end(s.body);
      return;
    }
    if (s.type === 'hang') return; // the test's client gives up; close() ends the socket
    if (s.type === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    const promptTokens = Math.max(1, Math.ceil(prompt.length / 4));
    if (s.type === 'completion' || request.stream !== true) {
      if (s.type === 'completion' && s.delayMs) await sleep(s.delayMs);
      const content =
        s.type === 'completion' ? s.content : defaultAnswer(lastUserText(request.messages ?? []));
      const completion = tokenize(content).length;
      return sendJson(
        res,
        200,
        completionBody(newIdentity(model), content, {
          prompt_tokens: promptTokens,
          completion_tokens: completion,
          total_tokens: promptTokens + completion,
        }),
      );
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream;charset=UTF-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-request-id': newIdentity(model).id.slice('chatcmpl-'.length),
    });
    const identity = newIdentity(model);
    const thinking = (s.reasoning?.length ?? 0) > 0;
    const write = async (frame: string) => {
      if (res.destroyed) return;
      if (!res.write(frame)) await new Promise<void>((r) => res.once('drain', () => r()));
    };
    await write(sseData(firstChunk(identity, thinking)));
    for (const piece of s.reasoning ?? []) {
      if (res.destroyed) return;
      if (s.delayMs) await sleep(s.delayMs);
      await write(sseData(reasoningChunk(identity, piece)));
    }
    for (let i = 0; i <= s.tokens.length; i++) {
      if (res.destroyed) return;
      if (s.midStreamError?.afterTokens === i) {
        await write(midStreamErrorFrame(s.midStreamError.error));
        res.end();
        return;
      }
      if (s.nativeError?.afterTokens === i) {
        await write(nativeErrorFrame(s.nativeError.status, s.nativeError));
        res.end();
        return;
      }
      if (await cutShort(s, i, req, res)) return;
      const token = s.tokens[i];
      if (token === undefined) break;
      if (s.delayMs) await sleep(s.delayMs);
      await write(sseData(contentChunk(identity, eventText(s, i), thinking)));
    }
    if (res.destroyed) return;
    await write(sseData(finishChunk(identity, s.finishReason ?? 'stop')));
    const prompt_tokens = s.promptTokens ?? promptTokens;
    const completion = s.tokens.length + (s.reasoning?.length ?? 0);
    await write(
      sseData(
        usageChunk(identity, {
          prompt_tokens,
          completion_tokens: completion,
          total_tokens: prompt_tokens + completion,
          ...(thinking ? { completion_tokens_details: { reasoning_tokens: s.reasoning?.length ?? 0 } } : {}),
          ...(s.cachedTokens !== undefined || s.cacheCreationTokens !== undefined
            ? {
                prompt_tokens_details: {
                  cached_tokens: s.cachedTokens ?? 0,
                  // Explicit cache (§4.2): the write and its type beside the hits.
                  ...(s.cacheCreationTokens !== undefined
                    ? { cache_creation_input_tokens: s.cacheCreationTokens, cache_type: 'ephemeral' }
                    : {}),
                },
              }
            : {}),
        }),
      ),
    );
    await write(SSE_DONE);
    if (s.endDelayMs) await sleep(s.endDelayMs);
    res.end();
  }
}

export interface FakeRequestBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  stream?: boolean;
  enable_thinking?: boolean;
  response_format?: { type?: string };
  translation_options?: WireTranslationOptions;
}

/** The refusals DashScope makes before answering, verbatim (§2). */
function refuse(r: FakeRequestBody): { status: number; error: WireError } | null {
  const translation = refuseTranslation(r);
  if (translation) return translation;
  const streamingOnly = STREAMING_ONLY.includes(r.model ?? '');
  if (r.stream !== true && streamingOnly) return dashscopeErrors.streamOnly;
  if (r.stream !== true && r.enable_thinking === true) return dashscopeErrors.thinkingNonStreaming;
  if (r.response_format?.type === 'json_object') {
    if (r.enable_thinking === true || streamingOnly) return dashscopeErrors.jsonWhileThinking;
    const said = (r.messages ?? [])
      .filter((m) => m.role === 'system' || m.role === 'user')
      .map((m) => JSON.stringify(m.content))
      .join(' ');
    if (!/json/i.test(said)) return dashscopeErrors.jsonWordMissing;
  }
  return null;
}

function lastUserText(messages: Array<{ role: string; content: unknown }>): string {
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  if (Array.isArray(last.content)) {
    return (
      last.content
        // Compatible parts are typed; native ones are `{text}` alone.
        .map((p: { type?: string; text?: string }) => (p.type === 'text' || !p.type ? (p.text ?? '') : ''))
        .join(' ')
    );
  }
  return '';
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(payload));
}

function sendError(
  res: http.ServerResponse,
  status: number,
  error: WireError,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, errorBody(error), headers);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
