/**
 * A loopback server that speaks DashScope's OpenAI-compatible wire format: SSE `data:` events, the
 * usage chunk with empty `choices`, `data: [DONE]`, and the JSON error body. Tests script what it
 * answers (`enqueue`, `setDefault`) and read back what it received (`requests`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  contentChunk,
  errorBody,
  finishChunk,
  firstChunk,
  newIdentity,
  reasoningChunk,
  sseData,
  SSE_DONE,
  usageChunk,
} from './wire';

export const COMPATIBLE_PATH = '/compatible-mode/v1';

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
    }
  | { type: 'error'; status: number; error: { message: string; type: string; code: string } }
  /** Anything else, sent as is (for malformed or unusual answers). */
  | { type: 'raw'; status: number; headers?: Record<string, string>; body: string };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** True when the client closed the connection before the answer was complete. */
  aborted: boolean;
  /** Resolves when the answer has ended, either way. */
  ended: Promise<void>;
}

export interface FakeDashScopeOptions {
  /** When set, only these keys are accepted; others get DashScope's 401. */
  validKeys?: string[];
  /** Models `GET /models` lists. */
  models?: string[];
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
  private defaultScenario: ((question: string) => FakeScenario) | null = null;
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
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
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

  /** What requests get when nothing is queued (default: a short streamed echo of the question). */
  setDefault(make: ((question: string) => FakeScenario) | null): this {
    this.defaultScenario = make;
    return this;
  }

  get chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
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
      ended: new Promise<void>((resolve) => (markEnded = resolve)),
    };
    this.requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
      markEnded();
    });

    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!key || (this.options.validKeys && !this.options.validKeys.includes(key))) {
      return sendError(res, 401, {
        message:
          'Incorrect API key provided. For details, see: https://help.aliyun.com/zh/model-studio/error-code#apikey-error',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      });
    }

    if (req.method === 'GET' && record.path === `${COMPATIBLE_PATH}/models`) {
      const models = this.options.models ?? ['qwen-plus', 'qwen-turbo', 'qwen-max'];
      return sendJson(res, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 1728632029, owned_by: 'system' })),
      });
    }
    if (req.method !== 'POST' || record.path !== `${COMPATIBLE_PATH}/chat/completions`) {
      return sendJson(res, 404, { error: { message: 'Not found', type: 'not_found', code: 'not_found' } });
    }
    if (typeof body !== 'object' || body === null) {
      return sendError(res, 400, {
        message: 'The request body is not valid JSON.',
        type: 'invalid_request_error',
        code: 'invalid_parameter_error',
      });
    }
    const request = body as { model?: string; messages?: Array<{ role: string; content: unknown }> };
    const question = lastUserText(request.messages ?? []);
    const scenario = this.queue.shift() ??
      this.defaultScenario?.(question) ?? {
        type: 'stream',
        tokens: tokenize(defaultAnswer(question)),
        delayMs: 5,
      };
    await this.answer(res, scenario, request.model ?? 'qwen-plus', JSON.stringify(request.messages ?? []));
  }

  private async answer(
    res: http.ServerResponse,
    s: FakeScenario,
    model: string,
    prompt: string,
  ): Promise<void> {
    if (s.type === 'error') return sendError(res, s.status, s.error);
    if (s.type === 'raw') {
      res.writeHead(s.status, s.headers ?? {});
      res.end(s.body);
      return;
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
    for (const token of s.tokens) {
      if (res.destroyed) return;
      if (s.delayMs) await sleep(s.delayMs);
      await write(sseData(contentChunk(identity, token, thinking)));
    }
    if (res.destroyed) return;
    await write(sseData(finishChunk(identity, s.finishReason ?? 'stop')));
    const promptTokens = s.promptTokens ?? Math.max(1, Math.ceil(prompt.length / 4));
    const completion = s.tokens.length + (s.reasoning?.length ?? 0);
    await write(
      sseData(
        usageChunk(identity, {
          prompt_tokens: promptTokens,
          completion_tokens: completion,
          total_tokens: promptTokens + completion,
          ...(thinking ? { completion_tokens_details: { reasoning_tokens: s.reasoning?.length ?? 0 } } : {}),
        }),
      ),
    );
    await write(SSE_DONE);
    res.end();
  }
}

function lastUserText(messages: Array<{ role: string; content: unknown }>): string {
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  if (Array.isArray(last.content)) {
    return last.content
      .map((p: { type?: string; text?: string }) => (p.type === 'text' ? (p.text ?? '') : ''))
      .join(' ');
  }
  return '';
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}

function sendError(
  res: http.ServerResponse,
  status: number,
  error: { message: string; type: string; code: string },
): void {
  sendJson(res, status, errorBody(error));
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
