/**
 * Browser mode's host: serves the built renderer and a WebSocket bridge to the core, on 127.0.0.1
 * only. Every bridge connection must carry this run's random token and come from this host's own
 * origin (so another web page, or another local user's browser tab, cannot drive the app), and every
 * request must name this host (so DNS rebinding cannot reach it).
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_PATH, type BridgeMessage, type BridgeRequest } from '../contract';
import type { Core } from '../core/create-core';
import { contentSecurityPolicy } from '../security/csp';
import { readStaticFile } from './static-files';

/** Largest bridge message accepted (room for images pasted into a question). */
const MAX_BRIDGE_MESSAGE_BYTES = 64 * 1024 * 1024;

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
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BRIDGE_MESSAGE_BYTES });
  let origin = '';
  let host = '';

  server.on('request', (req, res) => {
    if (req.headers.host !== host) return refuseHttp(res, 421, 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuseHttp(res, 405, 'Method not allowed');
    const pathname = new URL(req.url ?? '/', origin).pathname;
    void readStaticFile(options.rendererDir, pathname).then((file) => {
      if (!file) return refuseHttp(res, 404, 'Not found');
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-security-policy': contentSecurityPolicy({ connectSrc: [origin.replace(/^http/, 'ws')] }),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cache-control': file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  });

  server.on('upgrade', (req, socket: Socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== BRIDGE_PATH || req.headers.host !== host) return refuseUpgrade(socket, 404);
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) return refuseUpgrade(socket, 401);
    const allowed =
      req.headers.origin === origin || (!!options.devOrigin && req.headers.origin === options.devOrigin);
    if (!allowed) return refuseUpgrade(socket, 403);
    wss.handleUpgrade(req, socket, head, (ws) => serveBridge(ws, options.core));
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

/** One renderer connection: requests in, results and every core event out. */
function serveBridge(ws: WebSocket, core: Core): void {
  const send = (message: BridgeMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = core.subscribe((event, payload) => send({ kind: 'event', event, payload }));
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    const request = isBinary ? null : parseRequest(data.toString());
    if (!request) {
      ws.close(1003, 'Malformed message');
      return;
    }
    void core
      .invoke(request.channel, request.arg)
      .then((result) => send({ kind: 'result', id: request.id, result }));
  });
}

function parseRequest(text: string): BridgeRequest | null {
  try {
    const value = JSON.parse(text) as Partial<BridgeRequest>;
    if (value.kind === 'invoke' && Number.isSafeInteger(value.id) && typeof value.channel === 'string') {
      return { kind: 'invoke', id: value.id!, channel: value.channel, arg: value.arg };
    }
  } catch {
    // fall through
  }
  return null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseHttp(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function refuseUpgrade(socket: Socket, status: number): void {
  const text = http.STATUS_CODES[status] ?? 'Refused';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
