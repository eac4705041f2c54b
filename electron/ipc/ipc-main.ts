/**
 * The only main-process code that touches `ipcMain` (a lint rule enforces it). Registers one
 * handler per contract channel, drops calls from untrusted frames, and forwards core events to every
 * window that subscribed.
 */
import { ipcMain, type WebContents } from 'electron';
import { channelNames, ipcChannelName, ipcEventName, type Result } from '../contract';
import type { Core } from '../core/create-core';
import { appError } from '../shared/app-error';
import { isTrustedSender } from '../security/trusted-sender';

export function registerIpc(core: Core, trustedOrigins: string[]): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(ipcChannelName(channel), async (event, arg: unknown): Promise<Result<unknown>> => {
      // A frame with no parent is the top-level page; subframes (and destroyed frames) are refused.
      const frame = event.senderFrame;
      const info = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
      if (!isTrustedSender(info, trustedOrigins)) {
        return {
          ok: false,
          error: appError('untrusted_sender', 'request.untrusted'),
        };
      }
      return core.invoke(channel, arg);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(ipcChannelName(channel));
  };
}

/** Sends every core event to this window until it is destroyed. */
export function forwardEvents(core: Core, contents: WebContents): void {
  const unsubscribe = core.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(ipcEventName(event), payload);
  });
  contents.once('destroyed', unsubscribe);
}
