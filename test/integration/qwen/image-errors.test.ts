/**
 * DashScope's image refusals (qwen-api.md §4), answered by the fake exactly as DashScope words
 * them, reach the window as human messages (issue 10, item 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope } from '../../fake-dashscope/server';
import { buildCore, collectEvents } from '../../support/core';
import { noisePng } from '../../support/image-fixtures';

const KEY = 'sk-image-errors';

describe('image errors from DashScope (issue 10)', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(() => fake.close());

  const failWith = async (url: string) => {
    const core = buildCore({ apiKey: KEY, baseURL: fake.baseURL });
    const events = collectEvents(core);
    const r = await core.invoke('chat.start', {
      model: 'qwen3-vl-plus',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url } },
            { type: 'text', text: 'What?' },
          ],
        },
      ],
    });
    if (!r.ok) throw new Error(r.error.message);
    const end = await events.until((r.value as { streamId: string }).streamId);
    if (end.type !== 'error') throw new Error(`expected an error, got ${end.type}`);
    return end.error;
  };

  it('an item over 10 MB, a URL that is not a base64 data URL, a 5 × 5 image', async () => {
    const big = `data:image/png;base64,${'A'.repeat(10_485_760)}`;
    expect(await failWith(big)).toMatchObject({
      code: 'too_large',
      message: 'An image is larger than Qwen accepts (10 MB per image).',
    });
    expect(await failWith('data:image/png,rawbytes')).toMatchObject({
      code: 'bad_request',
      message: 'Qwen could not read one of the images.',
    });
    const tiny = `data:image/png;base64,${noisePng(5).toString('base64')}`;
    expect(await failWith(tiny)).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('too small or too narrow'),
    });
  });
});
