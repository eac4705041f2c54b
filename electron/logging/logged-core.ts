import type { ChatEvent } from '../contract';
import type { Core } from '../core/create-core';
import type { Logger } from './logger';

/**
 * Logs what went wrong, never what was asked: the channel and the failure of a request, and the
 * failure of a stream. Arguments (questions, pasted keys) are not logged at all.
 */
export function withRequestLog(core: Core, logger: Logger): Core {
  const unsubscribe = core.subscribe((event, payload) => {
    if (event !== 'chat.event') return;
    const e = payload as ChatEvent;
    if (e.type === 'error') {
      logger.warn(
        `stream ${e.streamId} failed: ${e.error.code} ${e.error.message}${e.error.detail ? ` (${e.error.detail})` : ''}`,
      );
    }
  });
  return {
    ...core,
    async invoke(channel, rawArg) {
      const result = await core.invoke(channel, rawArg);
      if (!result.ok) {
        const { code, message, detail } = result.error;
        const log = code === 'internal' ? logger.error : logger.warn;
        log(`${channel} failed: ${code} ${message}${detail ? ` (${detail})` : ''}`);
      }
      return result;
    },
    async dispose() {
      unsubscribe();
      await core.dispose();
    },
  };
}
