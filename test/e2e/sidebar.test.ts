import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FakeDashScope, tokenize } from '../fake-dashscope/server';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';
import { poll } from '../support/chat-window';
import { buildExport, type ExportSpec } from '../support/history-export';

const KEY = 'sk-e2e-sidebar';

/** The sidebar: sections by date, pinned first, rename / pin / delete, export and import. */
describe('sidebar in Chromium against browser mode', () => {
  let fake: FakeDashScope;
  let browser: Browser;
  let context: BrowserContext | undefined;
  const apps: RunningApp[] = [];

  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    for (const app of apps.splice(0)) await app.stop();
  });

  const open = async (dataDir = tempDataDir()): Promise<{ page: Page; dataDir: string }> => {
    const app = await startBrowserMode({
      DASHSCOPE_API_KEY: KEY,
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: dataDir,
    });
    apps.push(app);
    context ??= await browser.newContext({ locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.dismiss()); // none expected: confirmations are in the page
    await page.goto(app.url);
    return { page, dataDir };
  };
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
  const row = (page: Page, title: string) =>
    nav(page)
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: title, exact: true }) });
  /** A conversation's action, as a person reaches it: hovering the conversation shows them. */
  const action = async (page: Page, title: string, name: string) => {
    await row(page, title).hover();
    return row(page, title).getByRole('button', { name, exact: true });
  };
  const importText = async (page: Page, text: string) => {
    const chooser = page.waitForEvent('filechooser');
    await nav(page).getByRole('button', { name: 'Import JSON' }).click();
    await (
      await chooser
    ).setFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  };
  const importSpecs = async (page: Page, specs: ExportSpec[]) => {
    await importText(page, JSON.stringify(buildExport(specs)));
    await poll(() => nav(page).getByRole('status').innerText()).toBe(
      `Conversations imported: ${specs.length}.`,
    );
  };
  /** Section headings in order, and the titles in each. */
  const sections = (page: Page) =>
    nav(page)
      .locator('section.conversation-group')
      .evaluateAll((els) =>
        els.map((s) => [
          s.querySelector('h2')!.textContent,
          [...s.querySelectorAll('button.conversation')].map((b) => b.textContent),
        ]),
      );
  const download = async (page: Page, click: () => Promise<void>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
  };

  const day = (daysAgo: number) => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysAgo, 12).getTime();
  };
  const monthName = (t: number) => {
    const d = new Date(t);
    return new Intl.DateTimeFormat('en', {
      month: 'long',
      ...(d.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }),
    }).format(d);
  };

  it('groups conversations by date with pinned ones first; pins, renames and deletes them', async () => {
    const { page } = await open();
    const now = Date.now();
    const old = day(100);
    const older = day(800);
    await importSpecs(page, [
      { title: 'Today chat', updatedAt: now - 1000 },
      { title: 'Yesterday chat', updatedAt: day(1) },
      { title: 'Three days ago', updatedAt: day(3) },
      { title: 'Twenty days ago', updatedAt: day(20) },
      { title: 'Old one', updatedAt: old },
      { title: 'Pinned long ago', updatedAt: older, pinned: true },
    ]);
    await poll(() => sections(page)).toEqual([
      ['Pinned', ['Pinned long ago']],
      ['Today', ['Today chat']],
      ['Yesterday', ['Yesterday chat']],
      ['Previous 7 days', ['Three days ago']],
      ['Previous 30 days', ['Twenty days ago']],
      [monthName(old), ['Old one']],
    ]);

    // Pin: into the pinned section, in date order there; unpin: back to its date.
    await (await action(page, 'Old one', 'Pin')).click();
    await poll(() => sections(page).then((s) => s[0])).toEqual(['Pinned', ['Old one', 'Pinned long ago']]);
    await (await action(page, 'Pinned long ago', 'Unpin')).click();
    await poll(() => sections(page).then((s) => s.at(-1))).toEqual([monthName(older), ['Pinned long ago']]);
    expect((await sections(page))[0]).toEqual(['Pinned', ['Old one']]);

    // Rename: Enter saves, Esc cancels.
    await (await action(page, 'Today chat', 'Rename')).click();
    const titleBox = nav(page).getByRole('textbox', { name: 'Conversation title' });
    expect(await titleBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await titleBox.fill('Renamed chat');
    await titleBox.press('Enter');
    await poll(() => row(page, 'Renamed chat').count()).toBe(1);
    await (await action(page, 'Renamed chat', 'Rename')).click();
    await titleBox.fill('Not this');
    await titleBox.press('Escape');
    expect(await titleBox.count()).toBe(0);
    expect(await row(page, 'Renamed chat').count()).toBe(1);

    // Keyboard: Tab from a conversation reaches its actions; F2 renames, Esc returns to it.
    const threeDays = nav(page).getByRole('button', { name: 'Three days ago', exact: true });
    await threeDays.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Rename');
    await threeDays.focus();
    await page.keyboard.press('F2');
    await page.keyboard.press('Escape');
    expect(await threeDays.evaluate((el) => el === document.activeElement)).toBe(true);

    // Delete asks first; Cancel keeps it, Delete hides it with an Undo, which brings it back.
    await (await action(page, 'Yesterday chat', 'Delete')).click();
    const confirm = nav(page).getByRole('alertdialog', { name: 'Delete conversation' });
    expect(await confirm.innerText()).toContain('Delete “Yesterday chat”? You can undo it for 10 seconds.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    const undoNotice = page.getByRole('status').filter({ hasText: 'Deleted “Yesterday chat”' });
    await (await action(page, 'Yesterday chat', 'Delete')).click();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await poll(() => row(page, 'Yesterday chat').count()).toBe(0);
    await undoNotice.getByRole('button', { name: 'Undo' }).click();
    await poll(() => row(page, 'Yesterday chat').count()).toBe(1);
    await (await action(page, 'Yesterday chat', 'Delete')).click();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await poll(() => row(page, 'Yesterday chat').count()).toBe(0);
    // Moving on (opening another conversation) carries the delete out before it opens that one.
    await nav(page).getByRole('button', { name: 'Renamed chat', exact: true }).click();
    await poll(() =>
      page.evaluate(() => sessionStorage.getItem('qwen-desk.open-conversation')),
    ).not.toBeNull();
    expect(await undoNotice.count()).toBe(0);

    // All of it was saved: a reload shows the same list.
    await page.reload();
    await poll(() => sections(page)).toEqual([
      ['Pinned', ['Old one']],
      ['Today', ['Renamed chat']],
      ['Previous 7 days', ['Three days ago']],
      ['Previous 30 days', ['Twenty days ago']],
      [monthName(older), ['Pinned long ago']],
    ]);
  });

  it('shows the sections in Chinese with the month in Chinese', async () => {
    const app = await startBrowserMode({
      DASHSCOPE_API_KEY: KEY,
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: tempDataDir(),
    });
    apps.push(app);
    context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(app.url);
    const old = new Date(new Date().getFullYear() - 1, 4, 10, 12).getTime();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入 JSON' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'h.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify(
          buildExport([
            { title: '今天', updatedAt: Date.now() },
            { title: '旧', updatedAt: old },
          ]),
        ),
      ),
    });
    await poll(() => page.locator('h2.conversation-group-title').allInnerTexts()).toEqual([
      '今天',
      `${new Date(old).getFullYear()}年5月`,
    ]);
    // The actions, in Chinese, show for the focused conversation.
    await page.getByRole('button', { name: '今天', exact: true }).focus();
    const actions = page.getByRole('group', { name: '“今天”的操作' });
    expect(await actions.getByRole('button').allTextContents()).toHaveLength(4);
    for (const name of ['重命名', '置顶', '导出', '删除'])
      expect(await actions.getByRole('button', { name, exact: true }).count()).toBe(1);
  });

  it('exports one conversation and the whole history, and imports the JSON back unchanged', async () => {
    const first = await open();
    const answer = 'Hangzhou is known for **West Lake** and Longjing tea.';
    fake.enqueue(
      { type: 'stream', tokens: tokenize(answer), delayMs: 1 },
      { type: 'completion', content: 'Hangzhou facts' },
    );
    await first.page.getByRole('textbox', { name: 'Message' }).fill('What is Hangzhou known for?');
    await first.page.getByRole('button', { name: 'Send' }).click();
    await poll(() => row(first.page, 'Hangzhou facts').count(), { timeout: 20_000 }).toBe(1);
    await importSpecs(first.page, [{ title: 'Second one', updatedAt: Date.now() - 60_000, pairs: 2 }]);

    // One conversation as Markdown.
    await (await action(first.page, 'Hangzhou facts', 'Export')).click();
    const md = await download(first.page, () =>
      row(first.page, 'Hangzhou facts').getByRole('button', { name: 'Export as Markdown' }).click(),
    );
    expect(md.name).toMatch(/^qwen-desk-conversation-\d+\.md$/);
    expect(md.text).toContain('# Hangzhou facts');
    expect(md.text).toContain('What is Hangzhou known for?');
    expect(md.text).toContain(answer);
    expect(md.text).not.toContain('Second one');

    // Everything as Markdown and as JSON.
    const allMd = await download(first.page, () =>
      nav(first.page).getByRole('button', { name: 'Export all as Markdown' }).click(),
    );
    expect(allMd.text).toContain('# Hangzhou facts');
    expect(allMd.text).toContain('# Second one');
    const json = await download(first.page, () =>
      nav(first.page).getByRole('button', { name: 'Export all as JSON' }).click(),
    );
    expect(json.name).toMatch(/^qwen-desk-history-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(json.text) as { conversations: Array<{ title: string }> };
    expect(exported.conversations.map((c) => c.title)).toEqual(['Hangzhou facts', 'Second one']);

    // A fresh history imports it: the same list, the same messages, and the same export.
    const fileOnDisk = path.join(first.dataDir, json.name);
    fs.writeFileSync(fileOnDisk, json.text);
    const second = await open();
    await importText(second.page, fs.readFileSync(fileOnDisk, 'utf8'));
    await poll(() => nav(second.page).locator('button.conversation').allInnerTexts()).toEqual([
      'Hangzhou facts',
      'Second one',
    ]);
    await nav(second.page).getByRole('button', { name: 'Hangzhou facts', exact: true }).click();
    const log = second.page.getByRole('log', { name: 'Messages' });
    await poll(() => log.locator('article[data-role="assistant"]').innerText()).toContain('West Lake');
    const again = await download(second.page, () =>
      nav(second.page).getByRole('button', { name: 'Export all as JSON' }).click(),
    );
    expect(again.text).toBe(json.text);

    // A file that is not an export is refused with a reason, and nothing changes.
    await importText(second.page, '{"hello": "world"}');
    await poll(() => nav(second.page).getByRole('status').innerText()).toContain(
      'This file is not a Qwen Desk history export.',
    );
    expect(await nav(second.page).locator('button.conversation').count()).toBe(2);
  });
});
