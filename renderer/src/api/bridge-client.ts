/**
 * Browser mode: builds `window.qwen`'s interface over the host's WebSocket bridge. The renderer
 * cannot tell it from the Electron preload's.
 */
import type {
  BridgeImportPath,
  BridgeMaxMessageBytes,
  BridgeMessage,
  BridgePath,
  BridgeRequest,
  EventName,
  QwenApi,
  Result,
} from '../../../electron/contract';
import { appError } from '../../../electron/shared/app-error';

const BRIDGE_PATH: BridgePath = '/bridge';
const BRIDGE_IMPORT_PATH: BridgeImportPath = '/bridge/import';
const MAX_BRIDGE_MESSAGE_BYTES: BridgeMaxMessageBytes = 33_554_432;

const TOKEN_KEY = 'qwen-desk.bridge-token';

/** The per-run token: from the URL the host printed, then kept for reloads of this tab only. */
export function takeBridgeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the secret out of the address bar, history and screenshots.
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The token this tab holds (the quick window passes it on to a main page it opens, issue 11). */
export const bridgeToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);

const disconnected: Result<never> = {
  ok: false,
  error: appError('network', 'bridge.lost', { action: 'bridge.lost.action' }),
};

export function createBridgeClient(token: string): QwenApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  const wsUrl = `${window.location.origin.replace(/^http/, 'ws')}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(wsUrl);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('bridge')), { once: true });
  });
  // Nobody waits on this promise until the first call; don't report its rejection twice.
  opened.catch(() => undefined);

  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve(disconnected);
    pending.clear();
  });
  socket.addEventListener('message', (e: MessageEvent<string>) => {
    const message = JSON.parse(e.data) as BridgeMessage;
    if (message.kind === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload as never);
    }
  });

  const tooLarge: Result<never> = {
    ok: false,
    error: appError('too_large', 'request.tooLarge'),
  };

  return {
    async invoke(channel, arg) {
      // An export can be far larger than one WebSocket frame may be: it goes as an HTTP upload.
      if (channel === 'history.import') return upload(token, (arg as { text: string }).text);
      try {
        await opened;
      } catch {
        return disconnected;
      }
      if (socket.readyState !== WebSocket.OPEN) return disconnected;
      const id = nextId++;
      const request: BridgeRequest = { kind: 'invoke', id, channel, arg };
      const json = JSON.stringify(request);
      // The host closes the whole connection on a frame over its cap; refuse it here instead.
      if (json.length * 3 > MAX_BRIDGE_MESSAGE_BYTES && new Blob([json]).size > MAX_BRIDGE_MESSAGE_BYTES) {
        return tooLarge;
      }
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: Result<unknown>) => void);
        socket.send(json);
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}

/** `history.import` in browser mode: the text as the body of a POST; the host answers a Result. */
async function upload<T>(token: string, text: string): Promise<Result<T>> {
  try {
    const res = await fetch(`${BRIDGE_IMPORT_PATH}?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: text,
    });
    if (res.headers.get('content-type')?.startsWith('application/json'))
      return (await res.json()) as Result<T>;
    return {
      ok: false,
      error: appError('bad_request', 'import.refused', { httpStatus: res.status }),
    };
  } catch {
    return disconnected;
  }
}
