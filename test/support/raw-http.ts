/**
 * Raw bytes at browser mode's host over node:net, for the tests that send what no well-behaved
 * client would: malformed request lines and headers, and hand-built WebSocket frames.
 */
import net from 'node:net';
import { randomBytes } from 'node:crypto';

/** Sends bytes and returns what came back: up to a response head, the server closing, or `ms`. */
export function rawExchange(port: number, data: Buffer | string, ms = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let out = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(out);
    };
    const timer = setTimeout(done, ms);
    socket.on('data', (d: Buffer) => {
      out += d.toString('latin1');
      // A response head is all the tests read; a kept-alive connection would otherwise wait out `ms`.
      if (out.includes('\r\n\r\n')) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    // Not end(): Node drops a pending response when the client half-closes first.
    socket.on('connect', () => socket.write(data));
  });
}

/** The status code of the first response in `raw`, or null when there was none. */
export function statusOf(raw: string): number | null {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(raw);
  return m ? Number(m[1]) : null;
}

/** Opens the bridge by hand: resolves with the socket once the server answered 101. */
export function rawBridge(port: number, token: string, origin: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      if (statusOf(head) !== 101) return reject(new Error(`handshake refused: ${head.slice(0, 40)}`));
      const rest = Buffer.from(head.slice(end + 4), 'latin1');
      if (rest.length) socket.unshift(rest);
      resolve(socket);
    };
    socket.on('data', onData);
    socket.on('error', reject);
    socket.on('connect', () =>
      socket.write(
        `GET /bridge?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\n` +
          'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
      ),
    );
  });
}

export interface FrameOptions {
  opcode?: number;
  fin?: boolean;
  /** The three RSV bits (0–7); no extension is negotiated, so anything but 0 is a protocol error. */
  rsv?: number;
  /** Clients must mask; false sends the payload in the clear. */
  mask?: boolean;
  /** The length the header declares, when it should differ from the payload's. */
  declaredLength?: number;
}

/** One WebSocket frame as a client would send it (masked unless told otherwise). */
export function wsFrame(payload: Buffer | string, options: FrameOptions = {}): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const { opcode = 1, fin = true, rsv = 0, mask = true } = options;
  const length = options.declaredLength ?? body.length;
  const first = (fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f);
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([first, (mask ? 0x80 : 0) | length]);
  } else if (length < 65536) {
    header = Buffer.alloc(4);
    header.writeUInt16BE(length, 2);
    header[1] = (mask ? 0x80 : 0) | 126;
  } else {
    header = Buffer.alloc(10);
    header.writeBigUInt64BE(BigInt(length), 2);
    header[1] = (mask ? 0x80 : 0) | 127;
  }
  header[0] = first;
  if (!mask) return Buffer.concat([header, body]);
  const key = randomBytes(4);
  const masked = Buffer.from(body);
  for (let i = 0; i < masked.length; i++) masked[i] = masked[i]! ^ key[i % 4]!;
  return Buffer.concat([header, key, masked]);
}

/** Resolves when the socket is closed by the other side (or after `ms`, with false). */
export function closedWithin(socket: net.Socket, ms = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.on('close', done);
    socket.on('end', done);
    socket.on('error', done);
    socket.resume();
  });
}
