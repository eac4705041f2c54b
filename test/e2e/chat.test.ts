import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FakeDashScope, tokenize } from '../fake-dashscope/server';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';

const KEY = 'sk-e2e-key';

describe('chat in Chromium against browser mode', () => {
  let fake: FakeDashScope;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
    app = await startBrowserMode({
      DASHSCOPE_API_KEY: KEY,
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: tempDataDir(),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });
  afterEach(async () => {
    await page?.close();
  });

  const open = async () => {
    page = await browser.newPage();
    await page.goto(app.url);
    return page;
  };

  it('streams an answer in token by token', async () => {
    const answer = 'Hangzhou is the capital of Zhejiang province, famous for West Lake and Longjing tea.';
    fake.enqueue({ type: 'stream', tokens: tokenize(answer), delayMs: 40 });
    const p = await open();
    const log = p.getByRole('log', { name: 'Messages' });
    await p.getByRole('textbox', { name: 'Message' }).fill('Tell me about Hangzhou');
    await p.getByRole('button', { name: 'Send' }).click();

    await expect
      .poll(() => log.locator('article[data-role="user"]').innerText())
      .toContain('Tell me about Hangzhou');
    const assistant = log.locator('article[data-role="assistant"]');
    // Seen mid-stream: partial text while the status is still "streaming".
    await expect
      .poll(async () => {
        const [status, text] = await Promise.all([
          assistant.getAttribute('data-status'),
          assistant.innerText(),
        ]);
        return status === 'streaming' && text.includes('Hangzhou') && !text.includes('Longjing tea');
      })
      .toBe(true);
    await expect.poll(() => assistant.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    expect(await assistant.innerText()).toContain(answer);
    expect(await p.getByRole('button', { name: 'Stop' }).count()).toBe(0);
    // The token stayed out of the address bar.
    expect(p.url()).not.toContain('token=');
  });

  it('stops in the middle: the Stop control goes away and the partial answer stays', async () => {
    fake.enqueue({ type: 'stream', tokens: Array.from({ length: 400 }, (_, i) => `word${i} `), delayMs: 25 });
    const p = await open();
    await p.getByRole('textbox', { name: 'Message' }).fill('Count slowly');
    await p.getByRole('button', { name: 'Send' }).click();
    const assistant = p.locator('article[data-role="assistant"]');
    await expect.poll(() => assistant.innerText()).toContain('word3 ');
    const stop = p.getByRole('button', { name: 'Stop' });
    await stop.click();
    await expect.poll(() => assistant.getAttribute('data-status')).toBe('stopped');
    await expect.poll(() => stop.count()).toBe(0);
    const request = fake.streamRequests.at(-1)!;
    await request.ended;
    expect(request.aborted).toBe(true);
    const text = await assistant.innerText();
    expect(text).toContain('word3 ');
    expect(text).not.toContain('word399');
    await expect.poll(() => p.getByRole('button', { name: 'Send' }).count()).toBe(1);
  });

  it('Enter sends, Shift+Enter makes a new line', async () => {
    const p = await open();
    const box = p.getByRole('textbox', { name: 'Message' });
    await box.click();
    await box.pressSequentially('first line');
    await box.press('Shift+Enter');
    await box.pressSequentially('second line');
    expect(await box.inputValue()).toBe('first line\nsecond line');
    await box.press('Enter');
    await expect.poll(() => p.locator('article[data-role="user"]').innerText()).toContain('second line');
    expect(await box.inputValue()).toBe('');
    await expect
      .poll(() => p.locator('article[data-role="assistant"]').getAttribute('data-status'))
      .toBe('done');
    const body = fake.streamRequests.at(-1)!.body as { messages: Array<{ content: string }> };
    expect(body.messages.at(-1)!.content).toBe('first line\nsecond line');
  });

  it('shows a server error as an alert, keeping the question', async () => {
    // A 400 (a 500 would be retried first, issue 3): the server's own words reach the alert.
    fake.enqueue({
      type: 'error',
      status: 400,
      error: {
        message: 'Range of input length should be [1, 129024]',
        type: 'invalid_request_error',
        code: 'invalid_parameter_error',
      },
    });
    const p = await open();
    await p.getByRole('textbox', { name: 'Message' }).fill('Will this fail?');
    await p.getByRole('button', { name: 'Send' }).click();
    const alert = p.getByRole('alert');
    // The sentence, and Qwen's own words under it.
    await expect.poll(() => alert.innerText()).toContain('Qwen refused the request.');
    expect(await alert.locator('.detail').innerText()).toBe('Range of input length should be [1, 129024]');
    expect(await p.locator('article[data-role="assistant"]').getAttribute('data-status')).toBe('error');
    expect(await p.locator('article[data-role="user"]').innerText()).toContain('Will this fail?');
  });

  it('a page opened without the token cannot use the app, and says why', async () => {
    page = await browser.newPage();
    await page.goto(app.url.replace(/\?token=.*/, ''));
    await page.getByRole('textbox', { name: 'Message' }).fill('hi');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('without its access token');
  });
});

describe('browser mode process', () => {
  it('stops cleanly on SIGINT and on SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const app = await startBrowserMode({ QWEN_DESK_DATA_DIR: tempDataDir() });
      expect(await app.stop(signal)).toBe(0);
      expect(app.output()).toContain(`Qwen Desk stopped (${signal})`);
    }
  });

  it('uses QWEN_DESK_PORT when it is set', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const app = await startBrowserMode({ QWEN_DESK_DATA_DIR: tempDataDir(), QWEN_DESK_PORT: String(port) });
    expect(app.url).toContain(`http://127.0.0.1:${port}/?token=`);
    await app.stop();
  });
});
