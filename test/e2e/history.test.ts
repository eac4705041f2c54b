import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FakeDashScope, tokenize } from '../fake-dashscope/server';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';

const KEY = 'sk-e2e-history';

describe('history in Chromium against browser mode', () => {
  let fake: FakeDashScope;
  let browser: Browser;
  let page: Page | undefined;
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
    await page?.close();
    for (const app of apps.splice(0)) await app.stop();
  });

  const start = async (dataDir: string) => {
    const app = await startBrowserMode({
      DASHSCOPE_API_KEY: KEY,
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: dataDir,
    });
    apps.push(app);
    return app;
  };
  const ask = async (p: Page, question: string) => {
    await p.getByRole('textbox', { name: 'Message' }).fill(question);
    await p.getByRole('button', { name: 'Send' }).click();
    const last = p.getByRole('log', { name: 'Messages' }).locator('article[data-role="assistant"]').last();
    await expect.poll(() => last.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
  };

  it('keeps conversations across a reload and a restart, and search lands on the matching answer', async () => {
    const dataDir = tempDataDir();
    let app = await start(dataDir);
    page = await browser.newPage();
    await page.goto(app.url);
    const answer = '西湖位于杭州市西部，苏堤春晓和断桥残雪都是西湖十景之一。';
    // Each first answer is followed by the title request (a cheap model names the conversation).
    fake.enqueue(
      { type: 'stream', tokens: tokenize(answer), delayMs: 5 },
      { type: 'completion', content: '西湖景点' },
    );
    await ask(page, '西湖有什么景点？');
    const nav = page.getByRole('navigation', { name: 'Conversations' });
    await expect.poll(() => nav.getByRole('button', { name: '西湖景点' }).count()).toBe(1);

    // A second conversation, so the search has to pick the right one.
    await nav.getByRole('button', { name: 'New chat' }).click();
    await expect.poll(() => page!.locator('article').count()).toBe(0);
    fake.enqueue(
      { type: 'stream', tokens: tokenize('Shanghai is a city on the Yangtze delta.'), delayMs: 5 },
      { type: 'completion', content: 'Shanghai overview' },
    );
    await ask(page, 'Tell me about Shanghai');
    await expect.poll(() => nav.getByRole('button', { name: 'Shanghai overview' }).count()).toBe(1);

    // Reload: the open conversation is shown again.
    await page.reload();
    await expect
      .poll(() => page!.locator('article[data-role="user"]').innerText())
      .toContain('Tell me about Shanghai');

    // Restart browser mode on the same data directory.
    await page.close();
    await app.stop();
    apps.splice(0);
    app = await start(dataDir);
    page = await browser.newPage();
    await page.goto(app.url);
    const nav2 = page.getByRole('navigation', { name: 'Conversations' });
    const names = () => nav2.locator('.conversation-list button.conversation').allInnerTexts();
    await expect.poll(names).toEqual(['Shanghai overview', '西湖景点']);
    await nav2.getByRole('button', { name: '西湖景点' }).click();
    const log = page.getByRole('log', { name: 'Messages' });
    await expect.poll(() => log.locator('article[data-role="assistant"]').innerText()).toContain(answer);
    expect(await log.locator('article[data-role="assistant"]').getAttribute('data-status')).toBe('done');

    // Search a Chinese substring of the answer from the other conversation, then open the hit.
    await nav2.getByRole('button', { name: 'New chat' }).click();
    await nav2.getByRole('searchbox', { name: 'Search conversations' }).fill('断桥残雪');
    const results = page.getByRole('region', { name: 'Search results' });
    const hit = results.getByRole('button');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await results.locator('mark').innerText()).toBe('断桥残雪');
    await hit.click();
    await expect
      .poll(() => page!.evaluate(() => document.activeElement?.closest('article')?.textContent ?? ''))
      .toContain('断桥残雪');
    expect(await log.locator('article[data-role="user"]').innerText()).toContain('西湖有什么景点？');
  });

  it('a reload during an answer shows it still streaming, then complete', async () => {
    const app = await start(tempDataDir());
    page = await browser.newPage();
    await page.goto(app.url);
    // 12 s of stream: the reload (and the page's start) must land inside it on a busy machine too.
    const tokens = Array.from({ length: 400 }, (_, i) => `片段${i} `);
    fake.enqueue({ type: 'stream', tokens, delayMs: 30 });
    await page.getByRole('textbox', { name: 'Message' }).fill('slow answer please');
    await page.getByRole('button', { name: 'Send' }).click();
    const assistant = page.locator('article[data-role="assistant"]');
    // (The first 20 pieces take 0.6 s; a loaded machine needs longer than poll's 1 s default.)
    await expect.poll(() => assistant.innerText(), { timeout: 8_000 }).toContain('片段20 ');
    await page.reload();
    await expect.poll(() => assistant.getAttribute('data-status'), { timeout: 8_000 }).toBe('streaming');
    await expect.poll(() => assistant.getAttribute('data-status'), { timeout: 25_000 }).toBe('done');
    await expect.poll(() => assistant.innerText()).toContain(tokens.join('').trim());
  });

  it('tells the user where a damaged history file was moved, and starts fresh', async () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, 'history.sqlite3'), 'not a database at all');
    const app = await start(dataDir);
    page = await browser.newPage();
    await page.goto(app.url);
    const alert = page.getByRole('navigation', { name: 'Conversations' }).getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('The old file was kept at');
    const moved = fs.readdirSync(dataDir).find((f) => f.startsWith('history.sqlite3.damaged-'));
    expect(moved).toBeTruthy();
    expect(await alert.innerText()).toContain(moved!);
    expect(fs.readFileSync(path.join(dataDir, moved!), 'utf8')).toBe('not a database at all');
    await ask(page, 'still works?');
  });
});
