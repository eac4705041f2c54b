import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { buildExport } from '../../support/history-export';
import { buildHistoryCore, call, tempHistoryDir } from '../../support/history';

/** Bug 3 (issue 9): an import with a date of 1e20 got in, then blanked the UI and broke export. */
describe('history.import validates every conversation', () => {
  const newCore = () => {
    const dataDir = tempHistoryDir();
    return { dataDir, core: buildHistoryCore({ apiKey: null, baseURL: 'http://127.0.0.1:9', dataDir }) };
  };
  const good = (title: string) =>
    buildExport([{ title, updatedAt: Date.UTC(2025, 0, 1), pairs: 2 }]).conversations[0]!;
  const file = (conversations: unknown[]) =>
    JSON.stringify({ format: 'qwen-desk-history', version: 1, conversations });

  it('skips a conversation with a date outside 1970–2100 or a broken tree, imports the rest, and says why', async () => {
    const { core } = newCore();
    const farFuture = { ...good('far future'), updatedAt: 1e20 };
    const badMessageDate = good('bad message date');
    badMessageDate.messages[1] = { ...badMessageDate.messages[1]!, createdAt: -5 };
    const orphan = good('orphan');
    orphan.messages[2] = { ...orphan.messages[2]!, parentId: 99 };
    const duplicate = good('duplicate');
    duplicate.messages[3] = { ...duplicate.messages[3]!, id: 1 };
    const noLeaf = { ...good('no leaf'), activeLeafId: 42 };
    const badRole = good('bad role');
    (badRole.messages[0] as { role: string }).role = 'root';
    const badUsage = good('bad usage');
    (badUsage.messages[1] as { usage: unknown }).usage = { promptTokens: 'many' };
    const result = await call(core, 'history.import', {
      text: file([
        good('first'),
        farFuture,
        badMessageDate,
        orphan,
        duplicate,
        noLeaf,
        badRole,
        badUsage,
        7,
        good('last'),
      ]),
    });
    expect(result.conversationIds).toHaveLength(2);
    expect(result.skipped.map((s) => [s.index, s.title])).toEqual([
      [1, 'far future'],
      [2, 'bad message date'],
      [3, 'orphan'],
      [4, 'duplicate'],
      [5, 'no leaf'],
      [6, 'bad role'],
      [7, 'bad usage'],
      [8, null],
    ]);
    expect(result.skipped[0]!.reason).toMatch(/updatedAt.*2100/);
    expect(result.skipped[2]!.reason).toMatch(/parent/);
    expect(result.skipped[3]!.reason).toMatch(/twice/);
    const list = await call(core, 'history.list', {});
    expect(list.conversations.map((c) => c.title).sort()).toEqual(['first', 'last']);
    const md = await call(core, 'history.export', { format: 'markdown' });
    expect(md.text).toContain('# first');
  });

  it('refuses a file with too many conversations, and changes nothing', async () => {
    const { core } = newCore();
    const r = await core.invoke('history.import', { text: file(Array.from({ length: 10_001 }, () => 0)) });
    expect(r.ok).toBe(false);
    expect((await call(core, 'history.list', {})).total).toBe(0);
  });

  it('writes titles into Markdown headings as text: no live HTML, no stray formatting', async () => {
    const { core } = newCore();
    await call(core, 'history.import', {
      text: file([good('<img src=x onerror=alert(1)> *not bold* & [link](javascript:x)\n# two')]),
    });
    const md = await call(core, 'history.export', { format: 'markdown' });
    const heading = md.text.split('\n')[0];
    expect(heading).toBe(
      '# &lt;img src=x onerror=alert(1)&gt; \\*not bold\\* &amp; \\[link\\](javascript:x) \\# two',
    );
    expect(md.text).not.toContain('<img');
  });

  it('exports rows already in the file with out-of-range dates instead of throwing', async () => {
    const { core, dataDir } = newCore();
    const { conversationIds } = await call(core, 'history.import', { text: file([good('old row')]) });
    // As an earlier version's import could have left it.
    const db = new Database(path.join(dataDir, HISTORY_FILE));
    db.prepare('UPDATE conversations SET created_at = 1e20, updated_at = 1e20 WHERE id = ?').run(
      conversationIds[0],
    );
    db.prepare('UPDATE messages SET created_at = -1e20').run();
    db.close();
    const md = await call(core, 'history.export', { format: 'markdown' });
    expect(md.text).toContain('# old row');
    expect(md.text).toContain('_100000000000000000000_');
    const json = await call(core, 'history.export', { format: 'json' });
    expect(JSON.parse(json.text).conversations[0].createdAt).toBe(1e20);
  });
});
