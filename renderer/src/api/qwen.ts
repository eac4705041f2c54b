/**
 * The one way components reach the main process: `window.qwen` from the Electron preload, or the
 * same interface over browser mode's bridge.
 */
import type { QwenApi } from '../../../electron/contract';
import { createBridgeClient, takeBridgeToken } from './bridge-client';

declare global {
  interface Window {
    qwen?: QwenApi;
  }
}

let api: QwenApi | null = null;

export function qwen(): QwenApi {
  if (api) return api;
  if (window.qwen) return (api = window.qwen);
  const token = takeBridgeToken();
  if (!token) {
    // Opened without the address browser mode printed: every call fails with a clear message.
    return (api = {
      invoke: async () => ({
        ok: false,
        error: {
          code: 'untrusted_sender',
          message: 'This page was opened without its access token.',
          action: 'Open the full address that "npm start" printed.',
        },
      }),
      on: () => () => undefined,
    });
  }
  return (api = createBridgeClient(token));
}
