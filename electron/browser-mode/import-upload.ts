/**
 * Browser mode's history import: `POST /bridge/import` with the export's text as the body, so a
 * large export never has to fit in one WebSocket frame. The body is streamed up to MAX_IMPORT_BYTES
 * (a longer one is refused as soon as it is known to be too long) and handed, as text, to the core's
 * `history.import` channel, which does all the validation. The answer is always a JSON `Result`.
 * The caller has already checked the token, Origin and Host, exactly as for the bridge.
 */
import type http from 'node:http';
import { MAX_IMPORT_BYTES, type Result } from '../contract';
import type { Core } from '../core/create-core';
import { invokeSafely } from './bridge';

const tooLarge: Result<never> = {
  ok: false,
  error: {
    code: 'too_large',
    message: `An import can be at most ${MAX_IMPORT_BYTES / 1_000_000} MB.`,
  },
};

/** One import at a time: each may hold a few hundred MB while it is parsed. */
let busy = false;

export function serveImportUpload(req: http.IncomingMessage, res: http.ServerResponse, core: Core): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_IMPORT_BYTES) return answer(res, 413, tooLarge, true);
  if (busy) {
    return answer(
      res,
      409,
      { ok: false, error: { code: 'bad_request', message: 'Another import is still running.' } },
      true,
    );
  }
  busy = true;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let received = 0;
  let done = false;
  const finish = (status: number, result: Result<unknown>, close = false) => {
    if (done) return;
    done = true;
    busy = false;
    parts.length = 0;
    answer(res, status, result, close);
  };
  const notText: Result<never> = {
    ok: false,
    error: { code: 'invalid_argument', message: 'The file is not UTF-8 text.' },
  };
  req.on('data', (chunk: Buffer) => {
    if (done) return;
    received += chunk.length;
    if (received > MAX_IMPORT_BYTES) return finish(413, tooLarge, true);
    try {
      parts.push(decoder.decode(chunk, { stream: true }));
    } catch {
      finish(400, notText, true);
    }
  });
  req.on('end', () => {
    if (done) return;
    let text: string;
    try {
      text = parts.join('') + decoder.decode();
    } catch {
      return finish(400, notText);
    }
    parts.length = 0;
    void invokeSafely(core, 'history.import', { text }).then((result) => finish(200, result));
  });
  req.on('error', () =>
    finish(400, { ok: false, error: { code: 'network', message: 'The upload broke off.' } }),
  );
  req.on('close', () => {
    if (!req.complete && !done) {
      done = true;
      busy = false;
      parts.length = 0;
    }
  });
}

function answer(res: http.ServerResponse, status: number, result: Result<unknown>, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify(result);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // A refusal before the whole body arrived: the rest is not read, so the connection cannot be reused.
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
  // Refused mid-body: stop reading whatever else the client sends.
  if (close) res.on('finish', () => res.socket?.destroy());
}
