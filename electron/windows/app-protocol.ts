import path from 'node:path';
import fs from 'node:fs/promises';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_PROTOCOL } from '../security/trusted-sender';
import { resolveAppUrl } from './app-url';
import { contentSecurityPolicy } from '../security/csp';
import { attachmentResponse, type ReadAttachment } from './attachment-response';

/** Must run before `app.ready`: app:// is a standard, secure origin (not file://, checklist item 18). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://qwen-desk/, with the app's CSP on every response, and
 * (issue 10) the history's images at app://qwen-desk/attachment/<sha256>, straight from the core.
 */
export function serveRenderer(rendererDir: string, readAttachment?: ReadAttachment): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_PROTOCOL, async (request) => {
    const image = readAttachment ? attachmentResponse(request.url, readAttachment) : null;
    if (image) return image;
    const resolved = resolveAppUrl(request.url, root);
    if (resolved.kind === 'not-found') return notFound();
    const exists = await fs.stat(resolved.file).then(
      (s) => s.isFile(),
      () => false,
    );
    // Unknown paths get the page itself (the renderer has client-side views).
    const target = exists ? resolved.file : path.join(root, 'index.html');
    // A file that vanished or cannot be read is a 404 too, never a failed handler.
    const response = await net.fetch(pathToFileURL(target).toString()).catch(() => null);
    if (!response) return notFound();
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Security-Policy': contentSecurityPolicy() },
  });
}
