/**
 * Region and keychain honesty (issue 15, item 5): with no keychain on the machine, the first-run
 * guide says where a key will be kept (in memory, until quit), not "in your system's keychain"
 * above "No keychain available".
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FakeDashScope } from '../fake-dashscope/server';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';

describe('first run without a keychain', () => {
  let fake: FakeDashScope;
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    fake = await new FakeDashScope().start();
    const dataDir = tempDataDir();
    app = await startBrowserMode({
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: dataDir,
      // A session bus that does not exist: no Secret Service, so no keychain.
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dataDir, 'no-such-bus')}`,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  it('says the key will be kept in memory only, in English and in Chinese', async () => {
    for (const [locale, memory, keychain] of [
      ['en-US', 'kept in memory only, until Qwen Desk quits', "kept in your system's keychain"],
      ['zh-CN', '只保存在内存中', '保存在系统钥匙串中'],
    ] as const) {
      const page = await browser.newPage({ locale });
      await page.goto(app.url);
      const guide = page.locator('.first-run');
      await expect.poll(() => guide.innerText(), { timeout: 10_000 }).toContain(memory);
      expect(await guide.innerText()).not.toContain(keychain);
      await page.close();
    }
  });
});
