/**
 * Browser mode's host: serves the built renderer and a WebSocket bridge to the core, on 127.0.0.1
 * only. Every bridge connection must carry this run's random token and come from this host's own
 * origin (so another web page, or another local user's browser tab, cannot drive the app), and every
 * request must name this host (so DNS rebinding cannot reach it).
 *
 * Anyone on the machine can send this server anything, so no request, however malformed, may throw
 * out of a handler: each is answered with a 4xx (or dropped, for a broken socket) and the host stays up.
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  ATTACHMENT_PATH_PREFIX,
  BRIDGE_IMPORT_PATH,
  BRIDGE_PATH,
  MAX_BRIDGE_MESSAGE_BYTES,
} from '../contract';
import type { Core } from '../core/create-core';
import { contentSecurityPolicy } from '../security/csp';
import { serveBridge } from './bridge';
import { serveImportUpload } from './import-upload';
import { readStaticFile } from './static-files';

export interface BrowserHostOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 = a random free port. */
  port: number;
  /** Fixed only by tests; otherwise 32 random bytes per run. */
  token?: string;
  /** Another origin allowed to open the bridge: the Vite dev server in `npm run dev`, nothing else. */
  devOrigin?: string;
}

export interface BrowserHost {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  // Node's own limits on headers (16 KiB) and the request timeout stay; a malformed request line
  // or header is answered 400 (431 when too large) by clientError below.
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BRIDGE_MESSAGE_BYTES });
  let origin = '';
  let host = '';

  /** The request's path and query, or null when its target is not a path on this host. */
  const target = (req: http.IncomingMessage): URL | null => {
    const raw = req.url ?? '/';
    if (!raw.startsWith('/') || raw.startsWith('//')) return null; // absolute-form, `*`, …
    try {
      return new URL(raw, origin);
    } catch {
      return null;
    }
  };
  /** The bridge's checks (Host, token, Origin), shared by the WebSocket and the import upload. */
  const refusal = (req: http.IncomingMessage, url: URL): number | null => {
    if (req.headers.host !== host) return 404;
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) return 401;
    const allowed =
      req.headers.origin === origin || (!!options.devOrigin && req.headers.origin === options.devOrigin);
    return allowed ? null : 403;
  };

  server.on('request', (req, res) => {
    res.on('error', () => undefined);
    if (req.headers.host !== host) return refuseHttp(res, 421);
    const url = target(req);
    if (!url) return refuseHttp(res, 400);
    if (url.pathname === BRIDGE_IMPORT_PATH && req.method === 'POST') {
      const status = refusal(req, url);
      if (status) return refuseHttp(res, status);
      return serveImportUpload(req, res, options.core);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuseHttp(res, 405);
    if (url.pathname.startsWith(ATTACHMENT_PATH_PREFIX)) {
      // Issue 10: an image of the history, for `<img>` (which sends no Origin): the token, and no
      // request from another site (Sec-Fetch-Site), instead of the Origin check.
      if (!sameSecret(url.searchParams.get('token') ?? '', token)) return refuseHttp(res, 401);
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuseHttp(res, 403);
      return serveAttachment(
        res,
        req.method,
        options.core.readAttachment(url.pathname.slice(ATTACHMENT_PATH_PREFIX.length)),
      );
    }
    readStaticFile(options.rendererDir, url.pathname).then(
      (file) => {
        if (!file) return refuseHttp(res, 404);
        res.writeHead(200, {
          'content-type': file.contentType,
          'content-security-policy': contentSecurityPolicy({ connectSrc: [origin.replace(/^http/, 'ws')] }),
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
          'cache-control': file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
        });
        res.end(req.method === 'HEAD' ? undefined : file.body);
      },
      () => refuseHttp(res, 500),
    );
  });

  server.on('upgrade', (req, socket: Socket, head) => {
    // Until ws takes the socket over (it adds its own), a reset must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    const url = target(req);
    if (!url || url.pathname !== BRIDGE_PATH) return refuseUpgrade(socket, url ? 404 : 400);
    const status = refusal(req, url);
    if (status) return refuseUpgrade(socket, status);
    wss.handleUpgrade(req, socket, head, (ws) => serveBridge(ws, options.core));
  });

  // A request line or header Node's parser refuses (or a socket that broke mid-request).
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
    const status =
      err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(statusLine(status));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;

  return {
    origin,
    token,
    url: `${origin}/?token=${token}`,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveAttachment(
  res: http.ServerResponse,
  method: string,
  found: { mimeType: string; data: Buffer } | null,
): void {
  if (!found) return refuseHttp(res, 404);
  res.writeHead(200, {
    'content-type': found.mimeType,
    'content-length': found.data.length,
    'content-security-policy': "default-src 'none'",
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    // Content-addressed: the bytes behind a hash never change.
    'cache-control': 'private, max-age=31536000, immutable',
  });
  res.end(method === 'HEAD' ? undefined : found.data);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseHttp(res: http.ServerResponse, status: number): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(http.STATUS_CODES[status] ?? 'Refused');
}

function statusLine(status: number): string {
  const text = http.STATUS_CODES[status] ?? 'Refused';
  return `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
}

function refuseUpgrade(socket: Socket, status: number): void {
  socket.end(statusLine(status));
}
