/**
 * Issue 10: the answer to app://qwen-desk/attachment/<sha256> — an image of the history, by hash,
 * from the core (never from a file path). Plain `Response`, no Electron, so it is tested in Node.
 */
import { ATTACHMENT_PATH_PREFIX } from '../contract';
import { APP_HOST, APP_PROTOCOL } from '../security/trusted-sender';

export type ReadAttachment = (sha256: string) => { mimeType: string; data: Buffer } | null;

/** The response for an attachment URL; null when the URL is not one (the page's files then). */
export function attachmentResponse(requestUrl: string, read: ReadAttachment): Response | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_PROTOCOL}:` || url.host !== APP_HOST) return null;
  if (!url.pathname.startsWith(ATTACHMENT_PATH_PREFIX)) return null;
  const found = read(url.pathname.slice(ATTACHMENT_PATH_PREFIX.length));
  if (!found)
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Security-Policy': "default-src 'none'" },
    });
  return new Response(new Uint8Array(found.data), {
    status: 200,
    headers: {
      'Content-Type': found.mimeType,
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  });
}
