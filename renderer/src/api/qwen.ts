/**
 * The one way components reach the main process: `window.qwen` from the Electron preload, or the
 * same interface over browser mode's bridge.
 */
import { appError } from '../../../electron/shared/app-error';
import type { QwenApi } from '../../../electron/contract';
import { createBridgeClient, takeBridgeToken } from './bridge-client';

declare global {
  interface Window {
    qwen?: QwenApi;
  }
}

let api: QwenApi | null = null;
let bridgeToken: string | null = null;

/**
 * Issue 10: where the page loads a stored image from, by hash. Electron serves it at
 * app://qwen-desk/attachment/<sha256>; browser mode at the same path on its host, with the token.
 */
export function attachmentUrl(sha256: string): string {
  qwen(); // settles which of the two this page runs in
  const path = `/attachment/${sha256}`;
  return bridgeToken ? `${path}?token=${encodeURIComponent(bridgeToken)}` : path;
}

export function qwen(): QwenApi {
  if (api) return api;
  if (window.qwen) return (api = window.qwen);
  const token = takeBridgeToken();
  if (!token) {
    // Opened without the address browser mode printed: every call fails with a clear message.
    return (api = {
      invoke: async () => ({
        ok: false,
        error: appError('untrusted_sender', 'bridge.noToken', { action: 'bridge.noToken.action' }),
      }),
      on: () => () => undefined,
    });
  }
  bridgeToken = token;
  return (api = createBridgeClient(token));
}
