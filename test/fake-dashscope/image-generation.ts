/**
 * The fake server's image generation (qwen-api-2026.md §2): the synchronous multimodal-generation
 * call for image models, the asynchronous text2image task (`X-DashScope-Async: enable` required)
 * with its whole lifecycle (PENDING → RUNNING → SUCCEEDED, FAILED, CANCELED, UNKNOWN), `GET
 * /api/v1/tasks/{id}`, cancel (PENDING only), the documented refusals (`num_images_per_prompt must
 * be 1`, a size outside the list, a prompt over 800 characters, the sync-call refusal), moderation
 * (a prompt containing "moderation": DataInspectionFailed; "one refused": one of several results
 * refused), and signed result links served from a second loopback host that answer 403 once
 * expired, as OSS does. Results are real PNGs at the size asked for.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { pngChunk } from '../support/image-fixtures';
import { NATIVE_BASE } from './native';

const SYNC_PATH = `${NATIVE_BASE}/services/aigc/multimodal-generation/generation`;
const ASYNC_PATH = `${NATIVE_BASE}/services/aigc/text2image/image-synthesis`;
const TASKS = `${NATIVE_BASE}/tasks/`;
const QWEN_SIZES = ['1664*928', '1472*1104', '1328*1328', '1104*1472', '928*1664'];
/** Models that exist only as async tasks (§2.1) and those that answer synchronously. */
const ASYNC_MODELS = /^(qwen-image|qwen-image-plus|wan2\.[25]-t2i-.*|wanx2\.[01]-t2i-.*)$/;
const SYNC_MODELS = /^(qwen-image-(max|plus|2\.0|2\.0-pro|edit|edit-plus|edit-max)|qwen-image|wan2\.6-t2i)$/;

export type TaskStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';

interface Task {
  id: string;
  model: string;
  prompt: string;
  size: string;
  n: number;
  promptExtend: boolean;
  status: TaskStatus;
  polls: number;
  submitted: string;
  failure?: { code: string; message: string };
}

interface ImageBody {
  model?: string;
  input?: { prompt?: string; negative_prompt?: string; messages?: Array<{ content?: unknown }> };
  parameters?: { size?: string; n?: number; prompt_extend?: boolean; seed?: number };
}

type Send = (status: number, payload: unknown) => void;

export class FakeImageGeneration {
  readonly tasks = new Map<string, Task>();
  /** Result links fetched from the result host (path and status answered). */
  readonly downloads: Array<{ path: string; status: number }> = [];
  /** Polls a task answers before it moves on (PENDING, then RUNNING); `hold` keeps it PENDING. */
  pendingPolls = 1;
  runningPolls = 1;
  hold = false;
  /** How long result links live (DashScope: 24 h). */
  linkLifetimeMs = 24 * 60 * 60 * 1000;
  private readonly results = new Map<string, { png: Buffer; expires: number }>();
  private readonly resultHost: http.Server;
  private resultPort = 0;

  constructor() {
    this.resultHost = http.createServer((req, res) => this.serveResult(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.resultHost.listen(0, '127.0.0.1', () => resolve()));
    this.resultPort = (this.resultHost.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.resultHost.closeAllConnections();
    await new Promise<void>((resolve) => this.resultHost.close(() => resolve()));
  }

  /** The result host's origin (for DASHSCOPE_IMAGE_RESULT_ORIGIN). */
  get resultOrigin(): string {
    return `http://127.0.0.1:${this.resultPort}`;
  }

  /** Every link handed out so far expires now (403 from then on). */
  expireLinks(): void {
    for (const r of this.results.values()) r.expires = 0;
  }

  /** Lets held tasks go on (RUNNING at the next poll). */
  release(): void {
    this.hold = false;
  }

  /** Whether a request is one of the image paths (a sync call to an image model, a task, a query). */
  handles(method: string, path: string, body: unknown): boolean {
    if (path === ASYNC_PATH || path.startsWith(TASKS)) return true;
    const model = (body as ImageBody | undefined)?.model ?? '';
    return method === 'POST' && path === SYNC_PATH && /^(qwen-image|wan)/.test(model);
  }

  answer(req: http.IncomingMessage, path: string, body: unknown, send: Send): void {
    const b = (body ?? {}) as ImageBody;
    if (path.startsWith(TASKS)) return this.task(req.method ?? '', path.slice(TASKS.length), send);
    if (path === ASYNC_PATH) {
      if (req.headers['x-dashscope-async'] !== 'enable')
        return send(403, error('AccessDenied', 'current user api does not support synchronous calls'));
      if (!ASYNC_MODELS.test(b.model ?? ''))
        return send(400, error('InvalidParameter', `Model ${b.model} does not support async calls.`));
      const refused = refuse(b, b.input?.prompt ?? '');
      if (refused) return send(400, refused);
      const task = this.newTask(b, b.input?.prompt ?? '');
      return send(200, { output: { task_status: 'PENDING', task_id: task.id }, request_id: randomUUID() });
    }
    // Sync: the prompt is the last text part, edit images the image parts before it.
    const content = b.input?.messages?.at(-1)?.content;
    const parts = Array.isArray(content) ? (content as Array<{ text?: string; image?: string }>) : [];
    const prompt = parts.find((p) => typeof p.text === 'string')?.text ?? '';
    if (!SYNC_MODELS.test(b.model ?? ''))
      return send(400, error('InvalidParameter', 'url error, please check url！'));
    const edit = /edit/.test(b.model ?? '');
    const images = parts.filter((p) => typeof p.image === 'string');
    if (edit && (images.length < 1 || images.length > 3))
      return send(400, error('InvalidParameter', 'The number of input images must be 1 to 3.'));
    if (
      images.some((p) => !/^data:image\/(png|jpeg|webp);base64,/.test(p.image!) && !/^https?:/.test(p.image!))
    )
      return send(400, error('BadRequest.InputDownloadFailed', 'Failed to download the input image.'));
    const refused = refuse(b, prompt);
    if (refused) return send(400, refused);
    const n = b.parameters?.n ?? 1;
    const size = b.parameters?.size ?? (edit ? '1024*1024' : '1328*1328');
    const [w, h] = size.split('*').map(Number) as [number, number];
    const links = Array.from({ length: n }, () => ({ image: this.link(w, h) }));
    return send(200, {
      output: { choices: [{ finish_reason: 'stop', message: { role: 'assistant', content: links } }] },
      usage: { width: w, height: h, image_count: n },
      request_id: randomUUID(),
    });
  }

  private newTask(b: ImageBody, prompt: string): Task {
    const task: Task = {
      id: randomUUID(),
      model: b.model ?? '',
      prompt,
      size: b.parameters?.size ?? '1024*1024',
      n: b.parameters?.n ?? 1,
      promptExtend: b.parameters?.prompt_extend ?? true,
      status: 'PENDING',
      polls: 0,
      submitted: stamp(),
    };
    if (/moderation/i.test(prompt))
      task.failure = {
        code: 'DataInspectionFailed',
        message: 'Output data may contain inappropriate content.',
      };
    this.tasks.set(task.id, task);
    return task;
  }

  /** `GET /tasks/{id}` (moving the task on by one step) and `POST /tasks/{id}/cancel`. */
  private task(method: string, rest: string, send: Send): void {
    const [id, action] = rest.split('/');
    const task = this.tasks.get(decodeURIComponent(id ?? ''));
    if (method === 'POST' && action === 'cancel') {
      if (!task) return send(404, error('NotFound', 'Task not found.'));
      if (task.status !== 'PENDING')
        return send(
          400,
          error(
            'UnsupportedOperation',
            'Failed to cancel the task, please confirm if the task is in PENDING status.',
          ),
        );
      task.status = 'CANCELED';
      return send(200, { request_id: randomUUID() });
    }
    if (method !== 'GET' || action !== undefined) return send(404, error('NotFound', 'Not found.'));
    if (!task)
      return send(200, { request_id: randomUUID(), output: { task_id: id, task_status: 'UNKNOWN' } });
    this.advance(task);
    const output: Record<string, unknown> = {
      task_id: task.id,
      task_status: task.status,
      submit_time: task.submitted,
    };
    if (task.status === 'FAILED') Object.assign(output, task.failure);
    if (task.status === 'SUCCEEDED') output.results = this.taskResults(task);
    const succeeded =
      (output.results as Array<{ url?: string }> | undefined)?.filter((r) => r.url).length ?? 0;
    send(200, {
      request_id: randomUUID(),
      output,
      ...(task.status === 'SUCCEEDED' ? { usage: { image_count: succeeded } } : {}),
    });
  }

  private advance(task: Task): void {
    if (task.status === 'CANCELED' || task.status === 'FAILED' || task.status === 'SUCCEEDED') return;
    task.polls++;
    if (task.status === 'PENDING' && !this.hold && task.polls > this.pendingPolls) {
      task.status = 'RUNNING';
      task.polls = 1;
    }
    if (task.status === 'RUNNING' && task.polls > this.runningPolls)
      task.status = task.failure ? 'FAILED' : 'SUCCEEDED';
  }

  private readonly made = new Map<string, Array<Record<string, string>>>();

  /** A task's results, made once (the same links on every later query). */
  private taskResults(task: Task): Array<Record<string, string>> {
    let results = this.made.get(task.id);
    if (!results) {
      const [w, h] = task.size.split('*').map(Number) as [number, number];
      const actual = task.promptExtend ? `${task.prompt}, rich detail, soft light` : task.prompt;
      results = Array.from({ length: task.n }, (_, i): Record<string, string> =>
        i === 1 && /one refused/i.test(task.prompt)
          ? { code: 'DataInspectionFailed', message: 'Output data may contain inappropriate content.' }
          : { orig_prompt: task.prompt, actual_prompt: actual, url: this.link(w, h) },
      );
      this.made.set(task.id, results);
    }
    return results;
  }

  /** A signed-looking link on the result host, like OSS's (`…png?Expires=…&Signature=…`). */
  private link(w: number, h: number): string {
    const name = `${randomUUID()}.png`;
    const expires = Date.now() + this.linkLifetimeMs;
    this.results.set(name, { png: solidPng(w, h), expires });
    return `${this.resultOrigin}/${name}?Expires=${Math.floor(expires / 1000)}&OSSAccessKeyId=fake&Signature=${randomUUID()}`;
  }

  private serveResult(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '').split('?')[0]!.slice(1);
    const result = this.results.get(path);
    const status = !result ? 404 : result.expires <= Date.now() ? 403 : 200;
    this.downloads.push({ path, status });
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired.</Message></Error>`,
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(result!.png.length) });
    res.end(result!.png);
  }
}

/** The refusals both shapes make before any work (§2.4, §2.7). */
function refuse(b: ImageBody, prompt: string): unknown {
  if (!prompt.trim()) return error('InvalidParameter', 'The prompt must not be empty.');
  if ([...prompt].length > 800)
    return error('InvalidParameter', 'The prompt is too long (at most 800 characters).');
  const model = b.model ?? '';
  if (model === 'qwen-image' && (b.parameters?.n ?? 1) !== 1)
    return error('InvalidParameter', 'num_images_per_prompt must be 1');
  if (
    /^qwen-image(-plus|-max)?$/.test(model) &&
    b.parameters?.size &&
    !QWEN_SIZES.includes(b.parameters.size)
  )
    return error('InvalidParameter', `The size ${b.parameters.size} is not supported.`);
  if (/moderation/i.test(prompt) && !ASYNC_MODELS.test(model))
    return error('DataInspectionFailed', 'Input data may contain inappropriate content.');
  return null;
}

const error = (code: string, message: string) => ({ request_id: randomUUID(), code, message });

function stamp(): string {
  return new Date().toISOString().replace('T', ' ').replace('Z', '').slice(0, 23);
}

/** A solid-colour RGB PNG at the size asked for (tiny once deflated). */
function solidPng(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(w * 3 + 1);
  for (let x = 0; x < w; x++) row.set([0x3b, 0x82, 0xf6], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
