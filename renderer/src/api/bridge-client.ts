/**
 * Browser mode: builds `window.qwen`'s interface over the host's WebSocket bridge. The renderer
 * cannot tell it from the Electron preload's.
 */
import type {
  BridgeMessage,
  BridgePath,
  BridgeRequest,
  EventName,
  QwenApi,
  Result,
} from '../../../electron/contract';

const BRIDGE_PATH: BridgePath = '/bridge';

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

  const disconnected: Result<never> = {
    ok: false,
    error: {
      code: 'network',
      message: 'Lost the connection to Qwen Desk.',
      action: 'Restart Qwen Desk (npm start) and open the new address it prints.',
    },
  };
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

  return {
    async invoke(channel, arg) {
      try {
        await opened;
      } catch {
        return disconnected;
      }
      if (socket.readyState !== WebSocket.OPEN) return disconnected;
      const id = nextId++;
      const request: BridgeRequest = { kind: 'invoke', id, channel, arg };
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: Result<unknown>) => void);
        socket.send(JSON.stringify(request));
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
