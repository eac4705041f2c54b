/**
 * Titles (issue 15, item 6): a conversation is titled with its first words at once, the model's
 * title replaces them when it comes, a failed first answer keeps the first words, and a rename
 * is never overwritten. Real SQLite file, real HTTP to the fake server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope, tokenize } from '../../fake-dashscope/server';
import { dashscopeErrors } from '../../fake-dashscope/wire';
import type { SendResult } from '../../../electron/contract';
import { buildHistoryCore, call, eventually, tempHistoryDir } from '../../support/history';

const KEY = 'sk-titles-test';

describe('conversation titles', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(() => fake.close());
  const newCore = () => buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir: tempHistoryDir() });
  const listed = async (core: ReturnType<typeof newCore>) =>
    (await call(core, 'history.list', {})).conversations;

  it('shows the first words while the first answer streams, then the model title', async () => {
    const core = newCore();
    fake.enqueue(
      {
        type: 'stream',
        tokens: tokenize('West Lake is in Hangzhou, and it is lovely in spring.'),
        delayMs: 60,
      },
      { type: 'completion', content: 'West Lake in spring' },
    );
    const sent = (await call(core, 'history.send', {
      content: 'Where is   West Lake,\nand when should I go there to see it at its best?',
      model: 'qwen-plus',
    })) as SendResult;
    const streaming = await listed(core);
    expect(streaming[0]).toMatchObject({
      id: sent.conversationId,
      title: 'Where is West Lake, and when should I…',
    });
    expect((await call(core, 'history.search', { query: 'spring' })).hits.length).toBe(0);
    await eventually(async () =>
      (await listed(core))[0]?.title === 'West Lake in spring' ? true : undefined,
    );
  });

  it('keeps the first words when the first answer fails, in the list, in search and in Markdown', async () => {
    const core = newCore();
    fake.enqueue({ type: 'error', ...dashscopeErrors.invalidApiKey });
    const sent = (await call(core, 'history.send', {
      content: '介绍一下杭州的西湖',
      model: 'qwen-plus',
    })) as SendResult;
    await eventually(async () => {
      const page = await call(core, 'history.open', { conversationId: sent.conversationId });
      return page.messages.at(-1)?.status === 'error' ? true : undefined;
    });
    expect((await listed(core))[0]!.title).toBe('介绍一下杭州的西湖');
    const { hits } = await call(core, 'history.search', { query: '西湖' });
    expect(hits[0]!.conversationTitle).toBe('介绍一下杭州的西湖');
    const md = await call(core, 'history.export', { format: 'markdown' });
    expect(md.text.split('\n')[0]).toBe('# 介绍一下杭州的西湖');
    // The file keeps no title: the model's can still come with a later answer.
    const json = JSON.parse((await call(core, 'history.export', { format: 'json' })).text);
    expect(json.conversations[0].title).toBeNull();
  });

  it('a rename during the first answer wins: no model title is asked for', async () => {
    const core = newCore();
    fake.enqueue({ type: 'stream', tokens: tokenize('An answer.'), delayMs: 80 });
    const before = fake.chatRequests.length;
    const sent = (await call(core, 'history.send', {
      content: 'A question',
      model: 'qwen-plus',
    })) as SendResult;
    await call(core, 'history.rename', { conversationId: sent.conversationId, title: 'Mine' });
    await eventually(async () => {
      const page = await call(core, 'history.open', { conversationId: sent.conversationId });
      return page.messages.at(-1)?.status === 'done' ? true : undefined;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await listed(core))[0]!.title).toBe('Mine');
    expect(fake.chatRequests.length - before).toBe(1);
  });
});
