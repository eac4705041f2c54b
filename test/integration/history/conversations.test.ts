import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope, tokenize } from '../../fake-dashscope/server';
import type { Core } from '../../../electron/core/create-core';
import type { ConversationSummary, HistoryMessage, SendResult } from '../../../electron/contract';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { buildHistoryCore, call, eventually, tempHistoryDir } from '../../support/history';

const KEY = 'sk-history-test';

describe('conversations kept in the history database', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(() => fake.close());

  const newCore = (dataDir = tempHistoryDir()) => ({
    dataDir,
    core: buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir }),
  });

  /** Sends and waits until the answer's row is final. */
  async function ask(
    core: Core,
    arg: Record<string, unknown>,
    channel: 'history.send' | 'history.regenerate' | 'history.edit' = 'history.send',
  ) {
    const sent = (await call(core, channel, { model: 'qwen-plus', ...arg })) as SendResult;
    const page = await eventually(async () => {
      const p = await call(core, 'history.open', { conversationId: sent.conversationId });
      const answer = p.messages.find((m) => m.id === sent.assistantMessageId);
      return answer && answer.status !== 'streaming' ? p : undefined;
    });
    return { sent, page };
  }
  const texts = (messages: HistoryMessage[]) => messages.map((m) => `${m.role}:${m.content}`);

  it('writes the question and the streamed answer, with status, usage and finish reason', async () => {
    const { core } = newCore();
    const answer = '杭州是浙江省的省会，以西湖和龙井茶闻名。';
    fake.enqueue(
      { type: 'stream', tokens: tokenize(answer), delayMs: 5, promptTokens: 9 },
      // The title request that follows the first answer (non-streaming, thinking off).
      { type: 'completion', content: '杭州简介' },
    );
    const { sent, page } = await ask(core, { content: '介绍一下杭州' });
    expect(sent.streamId).toBeTruthy();
    expect(sent.error).toBeNull();
    expect(texts(page.messages)).toEqual(['user:介绍一下杭州', `assistant:${answer}`]);
    const a = page.messages[1]!;
    expect(a).toMatchObject({
      status: 'done',
      finishReason: 'stop',
      model: 'qwen-plus',
      parentId: sent.userMessageId,
    });
    expect(a.usage).toMatchObject({ promptTokens: 9, completionTokens: tokenize(answer).length });
    // The first answer gives the conversation a title, written by a cheap model.
    await eventually(
      async () => (await call(core, 'history.list', {})).conversations[0]?.title === '杭州简介',
    );
    const titleRequest = fake.chatRequests.at(-1)!.body as { stream?: boolean; enable_thinking?: boolean };
    expect(titleRequest.stream).toBeFalsy();
    expect(titleRequest.enable_thinking).toBe(false);
    await core.dispose();
  });

  it('sends the active path from the root, and a failed start keeps the question with the error', async () => {
    const { core, dataDir } = newCore();
    const first = await ask(core, { content: 'first question', params: { systemPrompt: 'Be brief.' } });
    await ask(core, {
      conversationId: first.sent.conversationId,
      content: 'second question',
      params: { systemPrompt: 'Be brief.' },
    });
    const body = fake.chatRequests.at(-1)!.body as { messages: Array<{ role: string; content: string }> };
    expect(body.messages.map((m) => `${m.role}:${m.content.slice(0, 15)}`)).toEqual([
      'system:Be brief.',
      'user:first question',
      'assistant:You asked: "fir',
      'user:second question',
    ]);
    await core.dispose();

    const noKey = buildHistoryCore({ apiKey: null, baseURL: fake.baseURL, dataDir });
    const failed = await call(noKey, 'history.send', {
      conversationId: first.sent.conversationId,
      content: 'third',
      model: 'qwen-plus',
    });
    expect(failed.streamId).toBeNull();
    expect(failed.error?.code).toBe('no_api_key');
    const page = await call(noKey, 'history.open', { conversationId: first.sent.conversationId });
    expect(page.messages.at(-2)!.content).toBe('third');
    expect(page.messages.at(-1)).toMatchObject({ status: 'error', error: { code: 'no_api_key' } });
    await noKey.dispose();
  });

  it('regenerate and edit add siblings; switching branches changes what is open and what is sent', async () => {
    const { core } = newCore();
    fake.enqueue({ type: 'stream', tokens: ['answer one'] });
    const one = await ask(core, { content: 'question A' });
    fake.enqueue({ type: 'stream', tokens: ['answer two'] });
    const two = await ask(core, { messageId: one.sent.assistantMessageId }, 'history.regenerate');
    expect(two.sent.userMessageId).toBe(one.sent.userMessageId);
    expect(texts(two.page.messages)).toEqual(['user:question A', 'assistant:answer two']);
    expect(two.page.messages[1]).toMatchObject({ siblingIndex: 1, siblingCount: 2 });

    fake.enqueue({ type: 'stream', tokens: ['answer to B'] });
    const edited = await ask(
      core,
      { messageId: one.sent.userMessageId, content: 'question B' },
      'history.edit',
    );
    expect(texts(edited.page.messages)).toEqual(['user:question B', 'assistant:answer to B']);
    expect(edited.page.messages[0]).toMatchObject({ siblingIndex: 1, siblingCount: 2 });

    const siblings = await call(core, 'history.siblings', { messageId: one.sent.assistantMessageId });
    expect(siblings.messages.map((m) => m.content)).toEqual(['answer one', 'answer two']);

    // Back to question A, first answer: the path and the next request follow it.
    const switched = await call(core, 'history.branch.switch', { messageId: one.sent.assistantMessageId });
    expect(texts(switched.messages)).toEqual(['user:question A', 'assistant:answer one']);
    await ask(core, { conversationId: one.sent.conversationId, content: 'follow-up' });
    const body = fake.chatRequests.at(-1)!.body as { messages: Array<{ content: string }> };
    expect(body.messages.map((m) => m.content)).toEqual(['question A', 'answer one', 'follow-up']);

    // Switching to question B's branch lands on its newest answer.
    const toB = await call(core, 'history.branch.switch', { messageId: edited.sent.userMessageId });
    expect(texts(toB.messages)).toEqual(['user:question B', 'assistant:answer to B']);

    // Deleting B's question removes its answers; the path goes back to A's branch.
    const afterDelete = await call(core, 'history.message.delete', { messageId: edited.sent.userMessageId });
    expect(afterDelete.messages[0]!.content).toBe('question A');
    expect(afterDelete.messages.some((m) => m.content.includes('B'))).toBe(false);
    await core.dispose();
  });

  it('lists pinned first then most recent; renames; pages through a long path', async () => {
    const { core } = newCore();
    const a = await ask(core, { content: 'conversation a' });
    const b = await ask(core, { content: 'conversation b' });
    const c = await ask(core, { content: 'conversation c' });
    await call(core, 'history.pin', { conversationId: a.sent.conversationId, pinned: true });
    await call(core, 'history.rename', { conversationId: b.sent.conversationId, title: '我的对话' });
    const listed = (await call(core, 'history.list', {})).conversations as ConversationSummary[];
    expect(listed.map((x) => x.id)).toEqual([
      a.sent.conversationId,
      c.sent.conversationId,
      b.sent.conversationId,
    ]);
    expect(listed[0]!.pinned).toBe(true);
    expect(listed[2]!.title).toBe('我的对话');
    const second = await call(core, 'history.list', { offset: 1, limit: 1 });
    expect(second).toMatchObject({ total: 3, conversations: [{ id: c.sent.conversationId }] });

    for (let i = 0; i < 4; i++)
      await ask(core, { conversationId: c.sent.conversationId, content: `more ${i}` });
    const newest = await call(core, 'history.open', { conversationId: c.sent.conversationId, limit: 3 });
    expect(newest.olderCount).toBe(7);
    expect(newest.messages.map((m) => m.content.slice(0, 6))).toEqual(['You as', 'more 3', 'You as']);
    const older = await call(core, 'history.open', {
      conversationId: c.sent.conversationId,
      limit: 3,
      beforeId: newest.messages[0]!.id,
    });
    expect(older.olderCount).toBe(4);
    expect(older.messages.at(-1)!.content).toBe('more 2');
    await core.dispose();
  });

  it('finds Chinese and English substrings, short ones too, newest first with the match marked', async () => {
    const { core } = newCore();
    fake.enqueue({ type: 'stream', tokens: tokenize('龙井茶产自杭州西湖一带，是中国十大名茶之一。') });
    const tea = await ask(core, { content: '说说龙井' });
    fake.enqueue({ type: 'stream', tokens: tokenize('Longjing tea grows around West Lake.') });
    await ask(core, { conversationId: tea.sent.conversationId, content: 'in English?' });

    const hit = (await call(core, 'history.search', { query: '西湖一带' })).hits;
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({
      conversationId: tea.sent.conversationId,
      messageId: tea.sent.assistantMessageId,
      role: 'assistant',
    });
    expect(hit[0]!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['西湖一带']);
    expect(hit[0]!.snippet.map((p) => p.text).join('')).toContain('杭州西湖一带，是中国');

    const english = (await call(core, 'history.search', { query: 'west lake' })).hits;
    expect(english.map((h) => h.snippet.find((p) => p.match)?.text)).toEqual(['West Lake']);

    const short = (await call(core, 'history.search', { query: '龙井' })).hits;
    expect(short.map((h) => h.role)).toEqual(['assistant', 'user']); // newest first
    expect(short[0]!.snippet.find((p) => p.match)?.text).toBe('龙井');
    expect((await call(core, 'history.search', { query: '50%' })).hits).toEqual([]);
    expect((await call(core, 'history.search', { query: '"quoted' })).hits).toEqual([]);

    // Opening at a hit returns a page holding it.
    const opened = await call(core, 'history.open', {
      conversationId: tea.sent.conversationId,
      focusMessageId: hit[0]!.messageId,
      limit: 2,
    });
    expect(opened.messages.map((m) => m.id)).toContain(hit[0]!.messageId);
    await core.dispose();
  });

  it('deletes a conversation so its text is gone from the file, search and WAL included', async () => {
    const { core, dataDir } = newCore();
    const secret = 'ZebraQuokkaSecret-删除的秘密文字';
    fake.enqueue({ type: 'stream', tokens: tokenize(`Here it is again: ${secret}`) });
    const doomed = await ask(core, { content: `remember ${secret}` });
    await ask(core, { content: 'a conversation that stays' });
    expect((await call(core, 'history.search', { query: 'QuokkaSecret' })).hits).toHaveLength(2);
    expect(await call(core, 'history.delete', { conversationId: doomed.sent.conversationId })).toEqual({
      deleted: true,
    });
    expect((await call(core, 'history.search', { query: 'QuokkaSecret' })).hits).toEqual([]);
    expect((await call(core, 'history.list', {})).total).toBe(1);
    const needles = [Buffer.from('QuokkaSecret'), Buffer.from('删除的秘密')];
    const files = () =>
      fs
        .readdirSync(dataDir)
        .filter((f) => f.startsWith(HISTORY_FILE))
        .map((f) => fs.readFileSync(path.join(dataDir, f)));
    for (const bytes of files()) for (const n of needles) expect(bytes.includes(n)).toBe(false);
    await core.dispose();
    for (const bytes of files()) for (const n of needles) expect(bytes.includes(n)).toBe(false);
  });

  it('exports as JSON and Markdown; importing the JSON elsewhere round-trips exactly', async () => {
    const { core } = newCore();
    fake.enqueue({ type: 'stream', tokens: ['first answer'] });
    const x = await ask(core, { content: 'question one', params: { temperature: 0.5 } });
    // The title request (answered by the fake's default) goes first, or it could take the next answer.
    // (Until it is answered the list shows the first words, so wait for a title that is not them.)
    await eventually(async () => {
      const title = (await call(core, 'history.list', {})).conversations[0]?.title;
      return title && title !== 'question one' ? title : undefined;
    });
    fake.enqueue({ type: 'stream', tokens: ['second answer'] });
    await ask(core, { messageId: x.sent.assistantMessageId }, 'history.regenerate');
    await call(core, 'history.pin', { conversationId: x.sent.conversationId, pinned: true });
    await ask(core, { content: '另一个对话' });

    const json = await call(core, 'history.export', { format: 'json' });
    expect(json.fileName).toMatch(/\.json$/);
    const md = await call(core, 'history.export', {
      conversationId: x.sent.conversationId,
      format: 'markdown',
    });
    expect(md.text).toContain('## You\n\nquestion one');
    expect(md.text).toContain('## Qwen (qwen-plus)\n\nsecond answer');
    expect(md.text).not.toContain('first answer'); // Markdown follows the active branch

    const other = newCore();
    const imported = await call(other.core, 'history.import', { text: json.text });
    expect(imported.conversationIds).toHaveLength(2);
    const again = await call(other.core, 'history.export', { format: 'json' });
    expect(again.text).toBe(json.text);
    const reopened = await call(other.core, 'history.open', { conversationId: imported.conversationIds[0]! });
    expect(reopened.messages.map((m) => m.content)).toEqual(['question one', 'second answer']);

    const bad = await other.core.invoke('history.import', { text: '{"format":"something else"}' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: 'This file is not a Qwen Desk history export.' },
    });
    expect((await call(other.core, 'history.list', {})).total).toBe(2);
    await core.dispose();
    await other.core.dispose();
  });

  it('quitting while a title is being written loses nothing and throws nothing', async () => {
    // Its own server: late title requests of earlier tests must not take this test's answers.
    const own = await new FakeDashScope({ validKeys: [KEY] }).start();
    const dataDir = tempHistoryDir();
    const core = buildHistoryCore({ apiKey: KEY, baseURL: own.baseURL, dataDir });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      own.enqueue(
        { type: 'stream', tokens: tokenize('An answer.'), delayMs: 1 },
        { type: 'completion', content: 'Late title', delayMs: 300 },
      );
      const { sent } = await ask(core, { content: 'quit before the title' });
      await core.dispose(); // the database closes while the title request is still out
      await new Promise((r) => setTimeout(r, 600));
      expect(rejections).toEqual([]);
      const reopened = buildHistoryCore({ apiKey: KEY, baseURL: own.baseURL, dataDir });
      const page = await call(reopened, 'history.open', { conversationId: sent.conversationId });
      expect(texts(page.messages)).toEqual(['user:quit before the title', 'assistant:An answer.']);
      await reopened.dispose();
    } finally {
      process.off('unhandledRejection', onRejection);
      await own.close();
    }
  });

  it('stores settings as JSON by key, kept across restarts', async () => {
    const { HistoryStore } = await import('../../../electron/history/history-store');
    const dir = tempHistoryDir();
    const store = HistoryStore.open(dir);
    store.settings.set('theme', 'dark');
    store.settings.set('params', { temperature: 0.7, stop: ['\n'] });
    store.settings.set('gone', 1);
    store.settings.delete('gone');
    store.close();
    const again = HistoryStore.open(dir);
    expect(again.settings.all()).toEqual({ params: { temperature: 0.7, stop: ['\n'] }, theme: 'dark' });
    expect(again.settings.get('missing')).toBeUndefined();
    again.close();
  });
});
