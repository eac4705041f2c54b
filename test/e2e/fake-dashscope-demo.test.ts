/**
 * The README's way to try Qwen Desk without an account (issue 15, item 8): `npm run fake-dashscope
 * -- --demo`, run here as its own process exactly as the script runs it, and the app pointed at it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';
import { answerShown } from '../support/chat-window';

async function startDemoServer(): Promise<{ child: ChildProcess; baseURL: string; output: () => string }> {
  const child = spawn(process.execPath, ['scripts/node-run.mjs', 'test/fake-dashscope/cli.ts', '--demo'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const baseURL = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo server did not start:\n${out}`)), 15_000);
    child.stdout!.on('data', () => {
      const m = /DASHSCOPE_BASE_URL=(\S+)/.exec(out);
      if (m && out.includes('"slow"')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return { child, baseURL, output: () => out };
}

describe('npm run fake-dashscope -- --demo', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    demo = await startDemoServer();
    app = await startBrowserMode({
      DASHSCOPE_API_KEY: 'sk-anything',
      DASHSCOPE_BASE_URL: demo.baseURL,
      QWEN_DESK_DATA_DIR: tempDataDir(),
    });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'en-US' });
    await page.goto(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    demo?.child.kill();
  });

  const ask = async (question: string) => {
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    await answerShown(page, question);
    const answer = page.locator('article[data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).not.toBe('streaming');
    return answer;
  };

  it('prints the words that choose an error path', () => {
    for (const word of ['error 401', 'error 429', 'slow']) expect(demo.output()).toContain(`"${word}"`);
  });

  it('thinks, then answers with a table, code and math, and titles the chat from the question', async () => {
    const answer = await ask('How do context windows work?');
    expect(await answer.getAttribute('data-status')).toBe('done');
    expect(await answer.getByRole('button', { name: /^Thinking/ }).count()).toBe(1);
    expect(await answer.locator('table th').allInnerTexts()).toEqual(['Model', 'Context', 'Thinks']);
    expect(await answer.locator('pre code').innerText()).toContain('function tokens');
    expect(await answer.locator('.katex').count()).toBeGreaterThanOrEqual(2);
    const nav = page.getByRole('navigation', { name: 'Conversations' });
    await expect.poll(() => nav.innerText(), { timeout: 10_000 }).toContain('How do context windows work');
  });

  it('"error 401" shows the key error, keeping the question', async () => {
    const answer = await ask('show me error 401 please');
    expect(await answer.getAttribute('data-status')).toBe('error');
    expect(await answer.getByRole('alert').innerText()).toContain('Qwen rejected the API key.');
    expect(await page.locator('article[data-role="user"]').last().innerText()).toContain('show me error 401');
  });

  it('"cut" stops at max tokens and offers Continue', async () => {
    const answer = await ask('an answer that is cut');
    expect(await answer.getByRole('button', { name: 'Continue' }).count()).toBe(1);
  });
});
