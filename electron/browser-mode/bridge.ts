/**
 * One renderer connection over browser mode's WebSocket bridge: requests in, results and every core
 * event out. Whatever a client sends (bad frames, bad JSON, a core that rejects) ends at most this
 * connection, never the process.
 */
import type { WebSocket } from 'ws';
import type { BridgeMessage, BridgeRequest, Result } from '../contract';
import type { Core } from '../core/create-core';

export function serveBridge(ws: WebSocket, core: Core): void {
  const send = (message: BridgeMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = core.subscribe((event, payload) => send({ kind: 'event', event, payload }));
  ws.on('close', unsubscribe);
  // A frame ws cannot accept (too large, invalid UTF-8, RSV bits, unmasked, a bad opcode) arrives
  // here; without this listener it would be an uncaught 'error' and end browser mode. ws has
  // already answered with the right close code; the socket is dropped if it lingers.
  ws.on('error', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    const request = isBinary ? null : parseRequest(data.toString());
    if (!request) {
      ws.close(1003, 'Malformed message');
      return;
    }
    void invokeSafely(core, request.channel, request.arg).then((result) =>
      send({ kind: 'result', id: request.id, result }),
    );
  });
}

/** The core answers with data; should it ever reject, the caller still gets a Result. */
export async function invokeSafely(core: Core, channel: string, arg: unknown): Promise<Result<unknown>> {
  try {
    return await core.invoke(channel, arg);
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Qwen Desk could not handle this request.' } };
  }
}

function parseRequest(text: string): BridgeRequest | null {
  try {
    const value = JSON.parse(text) as Partial<BridgeRequest> | null;
    if (value?.kind === 'invoke' && Number.isSafeInteger(value.id) && typeof value.channel === 'string') {
      return { kind: 'invoke', id: value.id!, channel: value.channel, arg: value.arg };
    }
  } catch {
    // fall through
  }
  return null;
}
