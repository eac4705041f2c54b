/**
 * The system clock jumps back a day in the middle of a conversation (an injected clock, as
 * electron/shared/clock.ts allows): the messages stay in order (the tree and ids order them, not
 * time), nothing is lost, the sidebar's sections still hold every conversation, and the daily
 * backup neither breaks nor runs again and again.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope } from '../fake-dashscope/server';
import { createCore } from '../../electron/core/create-core';
import { systemClock, type Clock } from '../../electron/shared/clock';
import { envKeySource } from '../../electron/secrets/key-source';
import { createQwenClient } from '../../electron/qwen/qwen-client';
import { HistoryStore } from '../../electron/history/history-store';
import { dailyBackupIfDue, listBackupFiles } from '../../electron/history/backups';
import { groupConversations } from '../../renderer/src/features/sidebar/date-groups';
import { collectEvents } from '../support/core';
import { call, tempHistoryDir } from '../support/history';

const KEY = 'sk-clock';
const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('the clock jumping back a day mid-conversation', () => {
  let fake: FakeDashScope;
  const dirs: string[] = [];
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
    fake.setDefault((q) => ({ type: 'stream', tokens: [`answer to ${q}`] }));
  });
  afterAll(async () => {
    await fake.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps every message, in order, and the sidebar lists both conversations', async () => {
    let offset = 0;
    const clock: Clock = { ...systemClock, now: () => Date.now() + offset };
    const dataDir = tempHistoryDir();
    dirs.push(dataDir);
    const store = HistoryStore.open(dataDir, { now: clock.now() });
    const core = createCore({
      keySource: envKeySource(KEY),
      createQwenClient,
      clock,
      getBaseURL: () => fake.baseURL,
      history: store,
    });
    const events = collectEvents(core);
    const ask = async (content: string, conversationId?: number) => {
      const sent = await call(core, 'history.send', {
        content,
        model: 'qwen-plus',
        ...(conversationId ? { conversationId } : {}),
      });
      expect((await events.until(sent.streamId!)).type).toBe('done');
      return sent.conversationId;
    };
    const a = await ask('one');
    const other = await ask('elsewhere');
    offset = -DAY; // the clock goes back a day
    await ask('two', a);
    await ask('three', a);
    const page = await call(core, 'history.open', { conversationId: a });
    expect(page.messages.map((m) => m.content)).toEqual([
      'one',
      'answer to one',
      'two',
      'answer to two',
      'three',
      'answer to three',
    ]);
    // Times say what the clock said (one day back); the order does not depend on them.
    expect(page.messages[2]!.createdAt).toBeLessThan(page.messages[1]!.createdAt);
    const list = await call(core, 'history.list', {});
    expect(list.conversations.map((c) => c.id).sort()).toEqual([a, other].sort());
    const groups = groupConversations(list.conversations, clock.now());
    expect(groups.flatMap((g) => g.conversations.map((c) => c.id)).sort()).toEqual([a, other].sort());
    // Search still finds the text written after the jump.
    const found = await call(core, 'history.search', { query: 'three' });
    expect(JSON.stringify(found)).toContain('three');
    await core.dispose();
  });

  it('daily backups: one, not one per check, while the clock is a day behind; the newest is kept', async () => {
    const dataDir = tempHistoryDir();
    dirs.push(dataDir);
    const store = HistoryStore.open(dataDir);
    const t0 = Date.now();
    expect(await dailyBackupIfDue(store.db, dataDir, t0)).not.toBeNull();
    const first = listBackupFiles(dataDir, 'daily');
    // Hourly checks for two days on a clock one day behind, then one more day on the right clock.
    let made = 0;
    for (let h = 0; h < 48; h++) if (await dailyBackupIfDue(store.db, dataDir, t0 - DAY + h * HOUR)) made++;
    for (let h = 0; h < 24; h++) if (await dailyBackupIfDue(store.db, dataDir, t0 + DAY + h * HOUR)) made++;
    const files = listBackupFiles(dataDir, 'daily');
    console.log(`clock back a day: ${made} daily backups in 72 hourly checks (${files.length} kept)`);
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThanOrEqual(2);
    expect(files).toEqual(expect.arrayContaining(first));
    // Set back a year: the daily copy goes on (once), instead of stopping for a year.
    let afterYear = 0;
    for (let h = 0; h < 48; h++)
      if (await dailyBackupIfDue(store.db, dataDir, t0 - 365 * DAY + h * HOUR)) afterYear++;
    console.log(`clock back a year: ${afterYear} daily backups in 48 hourly checks`);
    expect(afterYear).toBeGreaterThanOrEqual(1);
    expect(afterYear).toBeLessThanOrEqual(2);
    store.close();
  });
});
