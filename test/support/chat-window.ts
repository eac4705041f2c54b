import { afterAll, afterEach, beforeAll, expect } from 'vitest';
/**
 * Shared set-up for the chat-window end-to-end tests: the fake DashScope server, browser mode built
 * from this tree, and Chromium, with helpers to ask a question and wait for the answer.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FakeDashScope, tokenize, type FakeScenario } from '../fake-dashscope/server';
import { launchChromium } from './chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from './browser-mode';

export const KEY = 'sk-e2e-key';

export interface ChatWindowRig {
  fake: FakeDashScope;
  app: RunningApp;
  browser: Browser;
  close(): Promise<void>;
}

export async function startRig(): Promise<ChatWindowRig> {
  const fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  const app = await startBrowserMode({
    DASHSCOPE_API_KEY: KEY,
    DASHSCOPE_BASE_URL: fake.baseURL,
    QWEN_DESK_DATA_DIR: tempDataDir(),
  });
  const browser = await launchChromium();
  return {
    fake,
    app,
    browser,
    async close() {
      await browser.close();
      await app.stop();
      await fake.close();
    },
  };
}

/** The quick window's address: the app's (with its token) and `window=quick`. */
export const quickUrl = (appUrl: string, extra = ''): string => `${appUrl}&window=quick${extra}`;

/** Opens the quick window in `context` and waits for its "Quick question" box. */
export async function openQuick(context: BrowserContext, appUrl: string, extra = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(quickUrl(appUrl, extra));
  await page.getByRole('textbox', { name: 'Quick question' }).waitFor();
  return page;
}

/**
 * Opens the app in a fresh context. Records CSP violations and dialogs (alert/confirm/prompt) so a
 * test can assert there were none.
 */
export async function openApp(
  rig: ChatWindowRig,
  options: {
    locale?: string;
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    /** Runs on the new context before the app loads (e.g. to route its bridge socket). */
    beforeLoad?: (context: BrowserContext) => Promise<void>;
  } = {},
): Promise<{ page: Page; context: BrowserContext; dialogs: string[] }> {
  const context = await rig.browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1100, height: 760 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(rig.app.url).origin,
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  await options.beforeLoad?.(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(rig.app.url);
  return { page, context, dialogs };
}

export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

/** Streams `answer` (cut into tokens) for the next question. */
export function answerWith(
  rig: ChatWindowRig,
  answer: string,
  extra: Partial<Extract<FakeScenario, { type: 'stream' }>> = {},
) {
  rig.fake.enqueue({ type: 'stream', tokens: tokenize(answer), delayMs: 1, ...extra });
}

/** Types a question, sends it, and waits for the answer to finish; returns the answer's article. */
export async function ask(page: Page, question: string, waitFor: string = 'done') {
  await page.getByRole('textbox', { name: 'Message' }).fill(question);
  await page.getByRole('button', { name: 'Send' }).click();
  await answerShown(page, question);
  const answer = page.locator('article[data-role="assistant"]').last();
  await answer.and(page.locator(`[data-status="${waitFor}"]`)).waitFor({ timeout: 20_000 });
  return answer;
}

/**
 * Waits until the newest question on the page is `question` with an answer after it. Without
 * this, the last answer could still be the previous one (the new one appears only once the send
 * has started: the sensitive-content check, a waiting delete…), and a wait on it would pass at once.
 */
export async function answerShown(page: Page, question: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const articles = [...document.querySelectorAll('article[data-role]')];
      const roles = articles.map((a) => a.getAttribute('data-role'));
      const at = roles.lastIndexOf('user');
      return (
        at >= 0 && (articles[at]!.textContent ?? '').includes(q) && roles.slice(at + 1).includes('assistant')
      );
    },
    question.trim().slice(0, 200),
    { timeout: 20_000 },
  );
}

/**
 * `expect.poll` with room for a loaded machine: vitest's default gives up after 1 s, shorter than
 * some streams take to reach the awaited point when the CPU is shared.
 */
export const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: 10_000, ...options });

/**
 * After a conversation's first finished answer the app asks a model for its title (one
 * non-streamed request). Queue its answer right after that first answer, so the title request
 * never takes the next test answer from the queue.
 */
export function queueTitle(rig: ChatWindowRig, title = 'A conversation'): void {
  rig.fake.enqueue({ type: 'completion', content: title });
}

/**
 * Registers a describe block's set-up: one rig for the block, one browser context per test (closed
 * after it). `open` opens the app in a new context for the running test.
 */
export function useChatWindowRig(): {
  rig: () => ChatWindowRig;
  open: (options?: Parameters<typeof openApp>[1]) => ReturnType<typeof openApp>;
} {
  let rig: ChatWindowRig | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  return {
    rig: () => rig!,
    async open(options) {
      const opened = await openApp(rig!, options);
      context = opened.context;
      return opened;
    },
  };
}
