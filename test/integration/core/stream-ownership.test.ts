import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope, tokenize } from '../../fake-dashscope/server';
import { createCore, type Core } from '../../../electron/core/create-core';
import { systemClock } from '../../../electron/shared/clock';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import { HistoryStore } from '../../../electron/history/history-store';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { FLUSH_INTERVAL_MS } from '../../../electron/core/stream-recorder';
import type { ChatEvent, SendResult } from '../../../electron/contract';
import { buildHistoryCore, call, eventually, tempHistoryDir } from '../../support/history';

const KEY = 'sk-stream-ownership-test';
const slowTokens = (n: number) => Array.from({ length: n }, (_, i) => `w${i} `);

/** Issue 9, bugs 4 and 5: one stream per answer row, and deleting a row stops its stream first. */
describe('streams and the rows they write into', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(() => fake.close());

  const setup = () => {
    const dataDir = tempHistoryDir();
    const core = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir });
    const events: ChatEvent[] = [];
    core.subscribe((event, payload) => {
      if (event === 'chat.event') events.push(payload as ChatEvent);
    });
    return { dataDir, core, events };
  };
  const finished = async (core: Core, sent: SendResult) =>
    eventually(async () => {
      const page = await call(core, 'history.open', { conversationId: sent.conversationId });
      const answer = page.messages.find((m) => m.id === sent.assistantMessageId);
      return answer && answer.status !== 'streaming' ? answer : undefined;
    });
  const rows = (dataDir: string) => {
    const db = new Database(path.join(dataDir, HISTORY_FILE), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT id, content, usage FROM messages ORDER BY id').all() as Array<{
        id: number;
        content: string;
        usage: string | null;
      }>;
    } finally {
      db.close();
    }
  };
  const settle = () => new Promise((r) => setTimeout(r, FLUSH_INTERVAL_MS * 2));

  it('two Continue clicks at once: one request, the other refused as data; text and usage of one', async () => {
    const { core } = setup();
    const cut = 'One, two,';
    fake.enqueue(
      { type: 'stream', tokens: tokenize(cut), delayMs: 1, finishReason: 'length', promptTokens: 10 },
      { type: 'completion', content: 'Counting' },
    );
    const sent = (await call(core, 'history.send', { model: 'qwen-plus', content: 'Count' })) as SendResult;
    const first = await finished(core, sent);
    await eventually(
      async () => (await call(core, 'history.list', {})).conversations[0]?.title === 'Counting',
    );
    const before = fake.streamRequests.length;

    const more = ' three, four.';
    fake.enqueue({ type: 'stream', tokens: tokenize(more), delayMs: 10, promptTokens: 30 });
    const arg = { messageId: sent.assistantMessageId, model: 'qwen-plus' };
    const [a, b] = await Promise.all([
      core.invoke('history.continue', arg),
      core.invoke('history.continue', arg),
    ]);
    const won = [a, b].filter((r) => r.ok);
    const lost = [a, b].filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([
      { ok: false, error: expect.objectContaining({ message: 'This answer is still being written.' }) },
    ]);

    const done = await finished(core, sent);
    expect(fake.streamRequests.length - before).toBe(1);
    expect(done).toMatchObject({ content: cut + more, status: 'done' });
    expect(done.usage).toMatchObject({
      promptTokens: first.usage!.promptTokens + 30,
      completionTokens: first.usage!.completionTokens + tokenize(more).length,
    });
    await core.dispose();
  });

  it('deleting a conversation while its answer streams aborts the request and writes nothing more', async () => {
    const { dataDir, core, events } = setup();
    fake.enqueue({ type: 'stream', tokens: slowTokens(1000), delayMs: 10 });
    const sent = (await call(core, 'history.send', { model: 'qwen-plus', content: 'Go on' })) as SendResult;
    await eventually(() => events.some((e) => e.streamId === sent.streamId && e.type === 'delta'));
    const request = fake.streamRequests.at(-1)!;

    const deletedAt = performance.now();
    expect(await call(core, 'history.delete', { conversationId: sent.conversationId })).toEqual({
      deleted: true,
    });
    await request.ended;
    console.log(
      `delete while streaming: request closed ${(performance.now() - deletedAt).toFixed(1)} ms after`,
    );
    expect(request.aborted).toBe(true);
    await settle();
    expect(rows(dataDir)).toEqual([]);
    expect(await core.invoke('history.list', {})).toMatchObject({ ok: true, value: { conversations: [] } });
    // The renderer hears that the stream stopped, never an error about a row that is gone.
    const own = events.filter((e) => e.streamId === sent.streamId);
    expect(own.some((e) => e.type === 'error')).toBe(false);
    expect(own.at(-1)).toMatchObject({ type: 'done', status: 'stopped' });
    await core.dispose();
  });

  it('deleting a question while its answer streams aborts the request; the rest stays as it was', async () => {
    const { dataDir, core, events } = setup();
    fake.enqueue(
      { type: 'stream', tokens: tokenize('First answer.'), delayMs: 1, promptTokens: 5 },
      { type: 'completion', content: 'Title' },
    );
    const first = (await call(core, 'history.send', { model: 'qwen-plus', content: 'Q1' })) as SendResult;
    await finished(core, first);
    await eventually(async () => (await call(core, 'history.list', {})).conversations[0]?.title === 'Title');
    const kept = rows(dataDir);

    fake.enqueue({ type: 'stream', tokens: slowTokens(1000), delayMs: 10 });
    const second = (await call(core, 'history.send', {
      model: 'qwen-plus',
      content: 'Q2',
      conversationId: first.conversationId,
    })) as SendResult;
    await eventually(() => events.some((e) => e.streamId === second.streamId && e.type === 'delta'));
    const request = fake.streamRequests.at(-1)!;

    const page = await call(core, 'history.message.delete', { messageId: second.userMessageId });
    expect(page.messages.map((m) => m.id)).toEqual([first.userMessageId, first.assistantMessageId]);
    await request.ended;
    expect(request.aborted).toBe(true);
    await settle();
    expect(rows(dataDir)).toEqual(kept);
    expect(events.filter((e) => e.streamId === second.streamId).some((e) => e.type === 'error')).toBe(false);
    await core.dispose();
  });

  it('deleting a conversation while its request is still starting cancels it as soon as it exists', async () => {
    const dataDir = tempHistoryDir();
    // The key read is the await inside the start; it waits here until the delete has happened.
    let openGate!: () => void;
    const gate = new Promise<void>((r) => (openGate = r));
    const core = createCore({
      keySource: { getKey: () => gate.then(() => KEY) },
      createQwenClient,
      clock: systemClock,
      getBaseURL: () => fake.baseURL,
      history: HistoryStore.open(dataDir),
    });
    const events: ChatEvent[] = [];
    core.subscribe((event, payload) => {
      if (event === 'chat.event') events.push(payload as ChatEvent);
    });
    const before = fake.streamRequests.length;
    fake.enqueue({ type: 'stream', tokens: slowTokens(1000), delayMs: 10 });
    const sending = core.invoke('history.send', { model: 'qwen-plus', content: 'Slow start' });
    const { conversations } = await call(core, 'history.list', {});
    expect(conversations).toHaveLength(1);
    await call(core, 'history.delete', { conversationId: conversations[0]!.id });
    openGate();

    const sent = await sending;
    expect(sent).toMatchObject({
      ok: true,
      value: { streamId: null, error: { code: 'not_found', message: 'That answer was deleted.' } },
    });
    await settle();
    for (const request of fake.streamRequests.slice(before)) {
      await request.ended;
      expect(request.aborted).toBe(true);
    }
    expect(rows(dataDir)).toEqual([]);
    expect(events.some((e) => e.type === 'error')).toBe(false);
    await core.dispose();
  });
});
