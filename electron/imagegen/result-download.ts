/**
 * Downloads one generated image from its result link (qwen-api-2026.md §2.5) as soon as it is
 * ready, because the link expires after 24 h. The link came from the network, so it is trusted no
 * further than this: HTTPS only (the result host is not one fixed domain, so no host list, §2.5),
 * no redirects followed, no API key or cookie sent (the link is signed on its own), the body read
 * with a hard size cap, and the bytes must be a PNG, JPEG or WebP whose header reads. An expired
 * link (OSS answers 403) gets its own error, so the message can say the picture is gone.
 *
 * Tests serve results from a loopback host over plain HTTP: they pass that one origin as
 * `allowedOrigin` (from DASHSCOPE_IMAGE_RESULT_ORIGIN, like the base URL override), and only a
 * loopback origin is ever accepted that way, so the rule is never weakened for a real host.
 */
import type { MainTextKey, MainTextParams } from '../shared/main-text';
import { appError } from '../shared/app-error';
import { AppErrorException } from '../shared/app-error';
import { readImageHeader, type ImageHeader } from '../shared/image-header';
import type { AppError } from '../contract';
import type { StoredAttachmentInput } from '../history/attachments-table';

/** Largest result accepted (a 2048 × 2048 PNG is ≈ 6–12 MB). */
export const MAX_RESULT_BYTES = 32 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 60_000;

export interface DownloadedImage extends ImageHeader {
  data: Buffer;
}

export interface DownloadOptions {
  fetch?: typeof fetch;
  /** Test-only: one loopback origin (http://127.0.0.1:port) allowed besides HTTPS. */
  allowedOrigin?: string | null;
  maxBytes?: number;
  signal?: AbortSignal;
}

const failure = (
  code: Parameters<typeof appError>[0],
  key: MainTextKey,
  detail?: string,
  params?: MainTextParams,
) =>
  new AppErrorException(
    appError(code, key, { ...(detail ? { detail } : {}), ...(params ? { params } : {}) }),
  );

/** A loopback origin, or null: what `DASHSCOPE_IMAGE_RESULT_ORIGIN` may name. */
export function loopbackOrigin(value: string | undefined | null): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim());
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    return loopback && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null;
  } catch {
    return null;
  }
}

/** Whether the link may be fetched: HTTPS, or exactly the test's loopback origin. */
export function resultUrlAllowed(link: string, allowedOrigin: string | null = null): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return allowedOrigin !== null && url.origin === allowedOrigin;
}

export async function downloadResult(link: string, options: DownloadOptions = {}): Promise<DownloadedImage> {
  const allowed = loopbackOrigin(options.allowedOrigin);
  if (!resultUrlAllowed(link, allowed)) throw failure('bad_image', 'image.linkNotHttps', link.slice(0, 200));
  const maxBytes = options.maxBytes ?? MAX_RESULT_BYTES;
  const timeout = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(link, {
      redirect: 'error',
      credentials: 'omit',
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (err) {
    throw failure('network', 'image.downloadFailed', err instanceof Error ? err.message : String(err));
  }
  if (response.status === 403 || response.status === 410) {
    await response.body?.cancel().catch(() => undefined);
    throw failure('result_expired', 'image.linkExpired');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw failure('network', 'image.downloadStatus', undefined, { status: response.status });
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw failure('too_large', 'image.tooLarge');
  }
  const data = await readCapped(response, maxBytes);
  const header = readImageHeader(data);
  if (!header || header.mime === 'image/gif') throw failure('bad_image', 'image.notAnImage');
  return { ...header, data };
}

/** The body, stopping (and failing) as soon as it passes `maxBytes`, whatever the headers said. */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((err: unknown) => {
      throw failure('network', 'image.downloadCut', String(err));
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw failure('too_large', 'image.tooLarge');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Stored bytes as an image attachment, named `<base>.<ext>` by their type. */
export function asAttachment(data: Buffer, mimeType: string, base: string): StoredAttachmentInput {
  const ext = mimeType === 'image/jpeg' ? 'jpg' : mimeType === 'image/webp' ? 'webp' : 'png';
  return { kind: 'image', fileName: `${base}.${ext}`, mimeType, width: null, height: null, data };
}

/**
 * Every link of one result, in order (`<namePrefix>1.png`, …): the images kept, and the first
 * failure when some could not be had; `aborted` when the job was stopped meanwhile (quit, delete).
 */
export async function downloadResults(
  urls: readonly string[],
  namePrefix: string,
  options: DownloadOptions,
): Promise<{ kept: StoredAttachmentInput[]; firstError: AppError | null; aborted: boolean }> {
  const kept: StoredAttachmentInput[] = [];
  let firstError: AppError | null = null;
  for (const [i, url] of urls.entries()) {
    try {
      const image = await downloadResult(url, options);
      kept.push({
        ...asAttachment(image.data, image.mime, `${namePrefix}${i + 1}`),
        width: image.width,
        height: image.height,
      });
    } catch (err) {
      if (options.signal?.aborted) return { kept, firstError, aborted: true };
      firstError ??=
        err instanceof AppErrorException ? err.appError : appError('network', 'image.downloadFailed');
    }
  }
  return { kept, firstError, aborted: false };
}
