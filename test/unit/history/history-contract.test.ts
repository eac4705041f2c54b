import { describe, expect, it } from 'vitest';
import { englishText } from '../../../electron/shared/main-text';
import { channelNames, channels, eventNames } from '../../../electron/contract';

// The preload accepts only lowercase dot-separated names (electron/preload.ts): a history channel
// named otherwise would work in browser mode and fail in the Electron app.
const PRELOAD_NAME = /^[a-z]+(\.[a-z]+)*$/;

describe('history contract', () => {
  it('names every history channel and event as the preload accepts them', () => {
    const names = [...channelNames, ...eventNames].filter((n) => n.startsWith('history.'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(name).toMatch(PRELOAD_NAME);
  });

  it('refuses an empty question, an unknown id and a huge limit with a clear message', () => {
    const send = channels['history.send'].arg.safeParse({ content: '   ', model: 'qwen-plus' });
    // Said by key (electron/shared/main-text.ts): the UI says it in its language.
    expect(send.error?.issues[0]?.message).toBe('request.nothingToSend');
    expect(englishText('request.nothingToSend')).toBe('There is nothing to send.');
    expect(channels['history.open'].arg.safeParse({ conversationId: -1 }).success).toBe(false);
    expect(channels['history.list'].arg.safeParse({ limit: 10_000 }).success).toBe(false);
    expect(
      channels['history.rename'].arg.safeParse({ conversationId: 1, title: ' ' }).error?.issues[0]?.message,
    ).toBe('request.emptyTitle');
  });
});
