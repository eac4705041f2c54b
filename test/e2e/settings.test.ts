/**
 * Settings in Chromium against browser mode, with no key in the environment: the first-run guide,
 * a wrong key rejected by "Test key", a key saved in the keychain that survives a restart and is
 * used for chat, language and theme kept across the restart, and "Remove key" bringing the guide
 * back. Needs a real keychain (npm test starts one); run alone without one, it is skipped saying so.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FakeDashScope } from '../fake-dashscope/server';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';
import { createKeytarKeyStore } from '../../electron/secrets/keytar-key-store';

const KEY = 'sk-e2e-settings-5d1e8c0b2a7f9e36';
const WRONG_KEY = 'sk-e2e-wrong-000000000000000000';
const SERVICE = `Qwen Desk test e2e ${process.pid}`;
const keychain = createKeytarKeyStore({ service: SERVICE });
const state = await keychain.state();
const skip = !state.available && process.env.QWEN_DESK_TEST_KEYCHAIN !== '1';
if (skip)
  console.warn(
    `Settings e2e skipped: a key must survive a restart, and there is no keychain here; run "npm test".`,
  );

describe.skipIf(skip)('Settings in Chromium', () => {
  let fake: FakeDashScope;
  let app: RunningApp | null = null;
  let browser: Browser;
  let page: Page | null = null;
  const dataDir = tempDataDir();

  const start = async () => {
    app = await startBrowserMode({
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: dataDir,
      QWEN_DESK_KEYCHAIN_SERVICE: SERVICE,
    });
    page = await browser.newPage();
    await page.goto(app.url);
    return page;
  };

  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
    browser = await launchChromium();
  });
  afterEach(async () => {
    await page?.close();
    await app?.stop();
    page = null;
    app = null;
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
    if (state.available) await keychain.delete('singapore');
  });

  it('first run leads to Settings; a wrong key is rejected; a saved key survives a restart and chats', async () => {
    let p = await start();
    const dialog = p.getByRole('dialog', { name: 'Settings' });
    // First run: the panel opens by itself, explains, and links to where keys are made.
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const guide = dialog.getByRole('region', { name: 'Get started' });
    expect(await guide.innerText()).toContain('API key from Alibaba Cloud Model Studio');
    const link = guide.getByRole('link', { name: 'Open the Model Studio console to make a key' });
    expect(await link.getAttribute('href')).toBe('https://modelstudio.console.alibabacloud.com/');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await dialog.getByRole('combobox', { name: 'Region' }).inputValue()).toBe('singapore');
    const regionNames = await dialog
      .getByRole('combobox', { name: 'Region' })
      .locator('option')
      .allInnerTexts();
    expect(regionNames).toEqual(['Singapore', 'US (Virginia)', 'China (Beijing)', 'Hong Kong', 'Custom']);
    // DASHSCOPE_BASE_URL (the fake server here) wins over both: they are locked, saying why.
    const host = new URL(fake.baseURL).host;
    const region = dialog.getByRole('combobox', { name: 'Region' });
    expect(await region.isDisabled()).toBe(true);
    const baseURL = dialog.getByRole('textbox', { name: 'Base URL' });
    expect(await baseURL.isDisabled()).toBe(true);
    expect(await baseURL.inputValue()).toBe(fake.baseURL);
    for (const locked of [region, baseURL]) {
      const reason = await locked.evaluate(
        (el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent,
      );
      expect(reason).toBe(
        `Region and Base URL are set by DASHSCOPE_BASE_URL: requests go to ${fake.baseURL}. Unset it and restart Qwen Desk to choose here.`,
      );
    }

    // A wrong key, tested before saving: rejected, in words.
    const keyField = dialog.getByRole('textbox', { name: 'API key' });
    expect(await keyField.getAttribute('type')).toBe('password');
    await keyField.fill(WRONG_KEY);
    await dialog.getByRole('button', { name: 'Test key' }).click();
    const status = dialog.getByRole('status');
    await expect
      .poll(() => status.innerText())
      .toBe(`${host} rejected the key. Check the key, and that it was made for this address.`);

    // The right key, pasted with a line break: saved, shown masked only.
    await keyField.fill(`${KEY}\n`);
    await dialog.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => status.innerText()).toBe('Key saved.');
    expect(await dialog.getByLabel('Current key').innerText()).toContain(
      'sk-…9e36 — saved in the system keychain',
    );
    expect(await keyField.inputValue()).toBe('');
    expect(await guide.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Test key' }).click();
    await expect.poll(() => status.innerText()).toBe(`The key works with ${host}.`);
    expect(await p.content()).not.toContain(KEY);

    // Theme and language persist too.
    await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect.poll(() => p.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await dialog.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await expect.poll(() => p.getByRole('button', { name: '设置', exact: true }).count()).toBe(1);
    await p.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
    await expect.poll(() => p.getByRole('button', { name: 'Settings', exact: true }).count()).toBe(1);
    await page!.close();
    await app!.stop();

    // Restart on the same data directory: the key comes from the keychain, no first-run panel.
    p = await start();
    await expect.poll(() => p.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await p.getByRole('dialog', { name: 'Settings' }).count()).toBe(0);
    await p.getByRole('textbox', { name: 'Message' }).fill('Hello after a restart');
    await p.getByRole('button', { name: 'Send' }).click();
    const answer = p.locator('article[data-role="assistant"]');
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    expect(await answer.innerText()).toContain('Hello after a restart');
    expect(fake.chatRequests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('"Remove key" brings back the first-run guidance, and chat says a key is needed', async () => {
    const p = await start();
    await p.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => dialog.getByLabel('Current key').innerText()).toContain('sk-…9e36');
    await dialog.getByRole('button', { name: 'Remove key' }).click();
    await expect.poll(() => dialog.getByRole('region', { name: 'Get started' }).count()).toBe(1);
    expect(await dialog.getByRole('status').innerText()).toBe('Key removed.');
    expect(await dialog.getByLabel('Current key').innerText()).toBe('No key saved for Singapore.');
    expect(await keychain.get('singapore')).toBeNull();

    await dialog.getByRole('button', { name: 'Close' }).click();
    await p.getByRole('textbox', { name: 'Message' }).fill('Anyone there?');
    await p.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => p.getByRole('alert').innerText()).toContain('No API key is set.');
  });
});
