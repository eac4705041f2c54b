/**
 * DashScope's image generation endpoints (qwen-api-2026.md §2.1–§2.3) on the native base
 * (`…/api/v1`): the synchronous multimodal-generation call, and the asynchronous task (create with
 * `X-DashScope-Async: enable`, poll `GET /tasks/{id}`, cancel while PENDING). Every answer is read
 * into plain data here; a non-2xx answer becomes the same QwenApiError the chat transports throw,
 * so errors.ts gives it the same human message (moderation, a rejected key, rate limits…).
 */
import type { ImageRequest } from '../contract';
import { QwenApiError } from './errors';
import { unexpectedBody } from './stream-reader';

export const IMAGE_SYNC_PATH = '/services/aigc/multimodal-generation/generation';
export const IMAGE_TASK_PATH = '/services/aigc/text2image/image-synthesis';
export const taskPath = (taskId: string) => `/tasks/${encodeURIComponent(taskId)}`;

/** Task states as DashScope names them (§2.3); anything else is read as UNKNOWN. */
export type TaskStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'UNKNOWN';
const TASK_STATUSES: readonly string[] = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELED', 'UNKNOWN'];

/** One result: a link to download, or (several images, one refused) the reason it is missing. */
export type ImageResult = { url: string } | { code: string; message: string };

export interface ImageOutcome {
  results: ImageResult[];
  actualPrompt: string | null;
  /** `usage.image_count`: what is billed (successes only, §2.6). */
  imageCount: number | null;
}

export interface TaskSnapshot extends ImageOutcome {
  status: TaskStatus;
  /** FAILED: the task's own code and message. */
  error: { code: string; message: string } | null;
}

export interface ImageClientOptions {
  apiKey: string;
  /** The native base, `…/api/v1`. */
  baseURL: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ImageClient {
  /** Sync: the images at once (qwen-image-max, 2.0, wan2.6, the edit models). */
  generate(
    model: string,
    request: ImageRequest,
    inputImages: string[],
    signal?: AbortSignal,
  ): Promise<ImageOutcome>;
  /** Async: creates the task; its id, to poll. */
  createTask(
    model: string,
    request: ImageRequest,
    signal?: AbortSignal,
  ): Promise<{ taskId: string; status: TaskStatus }>;
  getTask(taskId: string, signal?: AbortSignal): Promise<TaskSnapshot>;
  /** Only a PENDING task can be cancelled; a later one gets the API's refusal (as QwenApiError). */
  cancelTask(taskId: string): Promise<void>;
}

/** The `parameters` both shapes share (§2.4); unset ones are left to the API's defaults. */
function parameters(r: ImageRequest): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (r.negativePrompt?.trim()) p.negative_prompt = r.negativePrompt;
  if (r.size) p.size = r.size;
  if (r.n !== undefined) p.n = r.n;
  if (r.promptExtend !== undefined) p.prompt_extend = r.promptExtend;
  if (r.watermark !== undefined) p.watermark = r.watermark;
  if (r.seed !== undefined) p.seed = r.seed;
  return p;
}

export function syncBody(model: string, r: ImageRequest, inputImages: string[]) {
  // Edits: 1–3 images, then the instruction (§2.2).
  const content = [...inputImages.map((image) => ({ image })), { text: r.prompt }];
  return { model, input: { messages: [{ role: 'user', content }] }, parameters: parameters(r) };
}

export function taskBody(model: string, r: ImageRequest) {
  const input: Record<string, unknown> = { prompt: r.prompt };
  if (r.negativePrompt?.trim()) input.negative_prompt = r.negativePrompt;
  const { negative_prompt: _moved, ...rest } = parameters(r);
  return { model, input, parameters: rest };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const count = (usage: unknown): number | null => {
  const u = obj(usage);
  const n = u.image_count ?? u.output_image_count;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
};

/** The sync answer: one `{image}` part per image (§2.2); a `{text}` part, if any, is the prompt drawn. */
export function readSyncAnswer(value: unknown): ImageOutcome {
  const v = obj(value);
  const choices = obj(v.output).choices;
  const results: ImageResult[] = [];
  let actualPrompt: string | null = null;
  for (const choice of Array.isArray(choices) ? choices : []) {
    const content = obj(obj(choice).message).content;
    for (const part of Array.isArray(content) ? content : []) {
      const url = str(obj(part).image);
      const text = str(obj(part).text);
      if (url) results.push({ url });
      else if (text) actualPrompt = text;
    }
  }
  return { results, actualPrompt, imageCount: count(v.usage) };
}

/** A task query (§2.3): its status, results (each a url, or a code for one that failed), usage. */
export function readTask(value: unknown): TaskSnapshot {
  const v = obj(value);
  const output = obj(v.output);
  const raw = str(output.task_status) ?? 'UNKNOWN';
  const status = (TASK_STATUSES.includes(raw) ? raw : 'UNKNOWN') as TaskStatus;
  const results: ImageResult[] = [];
  let actualPrompt: string | null = null;
  for (const r of Array.isArray(output.results) ? output.results : []) {
    const o = obj(r);
    const url = str(o.url);
    if (url) results.push({ url });
    else results.push({ code: str(o.code) ?? 'Unknown', message: str(o.message) ?? '' });
    actualPrompt ??= str(o.actual_prompt);
  }
  const code = str(output.code);
  return {
    status,
    results,
    actualPrompt,
    imageCount: count(v.usage),
    error:
      code || status === 'FAILED' ? { code: code ?? 'Unknown', message: str(output.message) ?? '' } : null,
  };
}

export function createImageClient(options: ImageClientOptions): ImageClient {
  const base = options.baseURL.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 120_000;

  async function call(
    method: 'GET' | 'POST',
    path: string,
    payload: unknown,
    signal?: AbortSignal,
    async = false,
  ) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await doFetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(async ? { 'x-dashscope-async': 'enable' } : {}),
      },
      ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = await response.text();
    if (!response.ok) {
      const parsed = unexpectedBody(text, response.status);
      throw parsed.code || parsed.type
        ? new QwenApiError({
            message: parsed.message,
            status: response.status,
            code: parsed.code,
            type: parsed.type ?? parsed.code,
          })
        : new QwenApiError({ message: text.slice(0, 500), status: response.status });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new QwenApiError({
        message: 'The image service answered with something that is not JSON.',
        status: 502,
      });
    }
  }

  return {
    async generate(model, request, inputImages, signal) {
      return readSyncAnswer(
        await call('POST', IMAGE_SYNC_PATH, syncBody(model, request, inputImages), signal),
      );
    },
    async createTask(model, request, signal) {
      const value = await call('POST', IMAGE_TASK_PATH, taskBody(model, request), signal, true);
      const taskId = str(obj(obj(value).output).task_id);
      if (!taskId) throw new QwenApiError({ message: 'The image service gave no task id.', status: 502 });
      return { taskId, status: readTask(value).status };
    },
    async getTask(taskId, signal) {
      return readTask(await call('GET', taskPath(taskId), undefined, signal));
    },
    async cancelTask(taskId) {
      await call('POST', `${taskPath(taskId)}/cancel`, undefined);
    },
  };
}
