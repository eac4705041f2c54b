/**
 * Which renderer frames may call the core: only the app's own top-level page. Electron-free so it
 * is unit-tested; `ipc/ipc-main.ts` applies it to every IPC call.
 */
export const APP_PROTOCOL = 'app';
export const APP_HOST = 'qwen-desk';
export const APP_ORIGIN = `${APP_PROTOCOL}://${APP_HOST}`;

export interface SenderFrameInfo {
  url: string;
  isMainFrame: boolean;
}

export function isTrustedSender(
  frame: SenderFrameInfo | null | undefined,
  trustedOrigins: string[],
): boolean {
  if (!frame || !frame.isMainFrame) return false;
  let origin: string;
  try {
    const url = new URL(frame.url);
    // URL.origin is "null" for non-special schemes such as app:, so build it from its parts.
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return false;
  }
  return trustedOrigins.includes(origin);
}
