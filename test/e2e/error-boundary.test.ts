/**
 * Bad data must never blank the window (issue 9, bug 3). A real history.sqlite3 is seeded before
 * browser mode starts, straight through SQLite (not through import, which validates): a
 * conversation dated 1e20 (once "Invalid time value" and a white window, for good) and an answer
 * whose saved error is damaged (its message an object, which React cannot render). The sidebar
 * must list both; opening the damaged one must fail only the messages area, with the message, the
 * log's path and Reload, while the sidebar, Settings and the composer keep working.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { HistoryStore } from '../../electron/history/history-store';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';
import { poll } from '../support/chat-window';

function seed(dataDir: string): void {
  HistoryStore.open(dataDir).close(); // the real schema, migrations and all
  const db = new Database(path.join(dataDir, 'history.sqlite3'));
  const now = Date.now();
  const conversation = db.prepare(
    'INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
  );
  const message = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, depth, role, content, status, error, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const leaf = db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?');
  db.transaction(() => {
    conversation.run(1, 'Far future', 1e20, 1e20);
    message.run(1, 1, null, 0, 'user', 'Hello from the year 3e9', null, null, 1e20, 1e20);
    leaf.run(1, 1);
    conversation.run(2, 'Damaged answer', now - 60_000, now - 60_000);
    message.run(2, 2, null, 0, 'user', 'A question', null, null, now - 60_000, now - 60_000);
    const damaged = JSON.stringify({ code: 'server', message: { damaged: true } });
    message.run(3, 2, 2, 1, 'assistant', '', 'error', damaged, now - 59_000, now - 59_000);
    leaf.run(3, 2);
    conversation.run(3, 'Healthy', now - 120_000, now - 120_000);
    message.run(4, 3, null, 0, 'user', 'Are you well?', null, null, now - 120_000, now - 120_000);
    message.run(5, 3, 4, 1, 'assistant', 'All is well here.', 'done', null, now - 119_000, now - 119_000);
    leaf.run(5, 3);
  })();
  db.close();
}

describe('error boundaries in Chromium against browser mode', () => {
  let browser: Browser;
  let context: BrowserContext;
  let app: RunningApp;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    seed(dataDir);
    browser = await launchChromium();
    app = await startBrowserMode({
      DASHSCOPE_API_KEY: 'sk-e2e-boundary',
      DASHSCOPE_BASE_URL: 'http://127.0.0.1:9/compatible-mode/v1',
      QWEN_DESK_DATA_DIR: dataDir,
    });
    context = await browser.newContext({ locale: 'en-US' });
  });
  afterAll(async () => {
    await context?.close();
    await app?.stop();
    await browser?.close();
  });

  it('keeps the app working when one area fails on bad data, with the message, the log and Reload', async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(app.url);
    const nav = page.getByRole('navigation', { name: 'Conversations' });
    const open = (title: string) => nav.getByRole('button', { name: title, exact: true });

    // The 1e20 conversation is listed (under "Unknown date") instead of blanking the window.
    await poll(() => open('Healthy').count()).toBe(1);
    expect(await open('Far future').count()).toBe(1);
    expect(await nav.innerText()).toContain('Unknown date');
    await open('Far future').click();
    await poll(() => page.locator('article[data-role="user"]').innerText()).toContain(
      'Hello from the year 3e9',
    );

    // The damaged answer fails the messages area only.
    await open('Damaged answer').click();
    const failed = page.locator('[data-area-failed="boundary.area.messages"]');
    await poll(() => failed.count()).toBe(1);
    const logPath = path.join(dataDir, 'logs', 'qwen-desk.log');
    await poll(() => failed.innerText()).toContain(logPath);
    const text = await failed.innerText();
    expect(text).toContain('This part of Qwen Desk stopped because of a problem: the messages.');
    expect(text).not.toContain('sk-e2e-boundary');
    expect(await failed.getByRole('button', { name: 'Reload' }).count()).toBe(1);

    // Everything else still works: the sidebar, the composer, Settings.
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('my draft survives');
    expect(await composer.inputValue()).toBe('my draft survives');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await poll(() => page.getByRole('dialog', { name: 'Settings' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog', { name: 'Settings' }).count()).toBe(0);

    // Reload tries the area again (the data is still damaged, so it says so again).
    await failed.getByRole('button', { name: 'Reload' }).click();
    await poll(() => failed.count()).toBe(1);

    // Opening another conversation gives the area a fresh start.
    await open('Healthy').click();
    await poll(() => page.locator('article[data-role="assistant"]').innerText()).toContain(
      'All is well here.',
    );
    expect(await failed.count()).toBe(0);
    expect(await composer.inputValue()).toBe('my draft survives');
    expect(await page.locator('#root').innerText()).not.toBe('');
    expect(pageErrors).toEqual([]);
  });
});
