/**
 * Bugs 1 and 2 of issue 9: one malformed HTTP request, or one malformed WebSocket frame, used to end
 * browser mode (a throw outside any try; a socket with no 'error' listener). Each is now answered
 * with a 4xx, or closes that one socket, and the host keeps serving.
 */
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-mode/host';
import type { BridgeMessage } from '../../../electron/contract';
import { buildCore } from '../../support/core';
import { closedWithin, rawBridge, rawExchange, statusOf, wsFrame } from '../../support/raw-http';

const rendererDir = path.resolve('test/integration/browser-mode/fixture-renderer');

function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

/** A bridge call the ordinary way: models.list answers ok. */
async function bridgeCall(host: BrowserHost): Promise<boolean> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, {
    headers: { Origin: host.origin },
  });
  try {
    await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
    const answer = new Promise<BridgeMessage>((resolve) =>
      ws.on('message', (d) => {
        const m = JSON.parse(d.toString()) as BridgeMessage;
        if (m.kind === 'result') resolve(m);
      }),
    );
    ws.send(JSON.stringify({ kind: 'invoke', id: 7, channel: 'models.list' }));
    const m = await answer;
    return m.kind === 'result' && m.result.ok;
  } finally {
    ws.close();
  }
}

describe('browser-mode host, malformed input', () => {
  let host: BrowserHost;
  let port: number;
  let hostHeader: string;
  beforeAll(async () => {
    host = await startBrowserHost({
      core: buildCore({ apiKey: 'sk-x', baseURL: 'http://127.0.0.1:9/compatible-mode/v1' }),
      rendererDir,
      port: 0,
    });
    port = Number(new URL(host.origin).port);
    hostHeader = `Host: 127.0.0.1:${port}\r\n`;
  });
  afterAll(() => host.close());

  const stillServing = async () => {
    expect(await getStatus(`${host.origin}/`)).toBe(200);
    expect(await bridgeCall(host)).toBe(true);
  };

  it('answers an absolute URL with a bad port (the request that crashed it) with 400', async () => {
    const raw = await rawExchange(port, `GET http://x:99999/ HTTP/1.1\r\n${hostHeader}\r\n`);
    expect(statusOf(raw)).toBe(400);
    await stillServing();
  });

  it('answers the same target on an upgrade request with 400', async () => {
    const raw = await rawExchange(
      port,
      `GET http://x:99999/bridge?token=${host.token} HTTP/1.1\r\n${hostHeader}Origin: ${host.origin}\r\n` +
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(statusOf(raw)).toBe(400);
    await stillServing();
  });

  // Built when run: the port is known only then.
  const H = '\u0000HOST\u0000';
  const cases: Array<[string, string, number]> = [
    ['a method Node does not know', `BREW / HTTP/1.1\r\n${H}\r\n`, 400],
    ['DELETE of the page', `DELETE / HTTP/1.1\r\n${H}\r\n`, 405],
    ['POST to the page', `POST / HTTP/1.1\r\n${H}Content-Length: 2\r\n\r\nhi`, 405],
    ['a method Node cannot parse', `G@T / HTTP/1.1\r\n${H}\r\n`, 400],
    ['a header line without a colon', `GET / HTTP/1.1\r\n${H}Not a header\r\n\r\n`, 400],
    ['a control character in a header', `GET / HTTP/1.1\r\n${H}X-A: b\x01c\r\n\r\n`, 400],
    ['headers of 64 KiB', `GET / HTTP/1.1\r\n${H}X-Big: ${'a'.repeat(65536)}\r\n\r\n`, 431],
    ['the `*` target', `OPTIONS * HTTP/1.1\r\n${H}\r\n`, 400],
    ['a protocol-relative target', `GET //evil.example/ HTTP/1.1\r\n${H}\r\n`, 400],
    ['a broken % escape', `GET /%E0%A4%A HTTP/1.1\r\n${H}\r\n`, 404],
    ['a lone %', `GET /% HTTP/1.1\r\n${H}\r\n`, 404],
    ['an absurdly long path', `GET /${'a/'.repeat(6000)}x.js HTTP/1.1\r\n${H}\r\n`, 404],
    ['an escaped traversal', `GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1\r\n${H}\r\n`, 404],
    ['a request with no Host', 'GET / HTTP/1.1\r\n\r\n', 400],
    ['HTTP/0.9 garbage', 'hello\r\n\r\n', 400],
    [
      'an import upload without the token',
      `POST /bridge/import HTTP/1.1\r\n${H}Content-Length: 0\r\n\r\n`,
      401,
    ],
  ];
  it.each(cases)('answers %s with a 4xx and stays up', async (_name, request, status) => {
    expect(statusOf(await rawExchange(port, request.replaceAll(H, hostHeader)))).toBe(status);
    await stillServing();
  });

  describe('bad WebSocket frames close that socket only', () => {
    const frames: Array<[string, Buffer]> = [
      // The header alone declares more than the cap: ws refuses before any payload arrives.
      ['a frame over the size cap', wsFrame(Buffer.alloc(0), { declaredLength: 100 * 1024 * 1024 })],
      ['invalid UTF-8 in a text frame', wsFrame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
      ['RSV bits set', wsFrame('{}', { rsv: 4 })],
      ['an unmasked frame', wsFrame('{}', { mask: false })],
      ['a reserved opcode', wsFrame('x', { opcode: 3 })],
      ['a fragmented control frame', wsFrame('x', { opcode: 9, fin: false })],
      ['a close frame with a bad code', wsFrame(Buffer.from([0x03, 0xe7]), { opcode: 8 })],
    ];
    it.each(frames)('%s', async (_name, frame) => {
      const bystander = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?token=${host.token}`, {
        headers: { Origin: host.origin },
      });
      await new Promise((resolve) => bystander.on('open', resolve));
      const socket = await rawBridge(port, host.token, host.origin);
      socket.on('error', () => undefined);
      socket.write(frame);
      expect(await closedWithin(socket)).toBe(true);
      expect(bystander.readyState).toBe(WebSocket.OPEN);
      bystander.close();
      await stillServing();
    });

    it('a socket reset in the middle of a frame', async () => {
      const socket = await rawBridge(port, host.token, host.origin);
      socket.write(wsFrame('{"kind":"invoke"').subarray(0, 5));
      socket.resetAndDestroy();
      await stillServing();
    });
  });
});
