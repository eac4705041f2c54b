/**
 * Issue 12, item 7: Settings' About section in Chromium against browser mode: the version, the
 * licence, the third-party notices, and the updater controls, which browser mode disables with the
 * reason (it has no updater); in English and in Simplified Chinese.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';

const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version as string;

describe('Settings › About in Chromium (browser mode)', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startBrowserMode({
      DASHSCOPE_BASE_URL: 'http://127.0.0.1:9/compatible-mode/v1',
      QWEN_DESK_DATA_DIR: tempDataDir(),
      QWEN_DESK_KEYCHAIN_SERVICE: `Qwen Desk test about ${process.pid}`,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the version, the licence and the notices, and says why browser mode is not updated', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    // No key: Settings opens by itself.
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const about = dialog.getByRole('region', { name: 'About' });
    await expect.poll(() => about.isVisible()).toBe(true);
    await expect.poll(() => about.innerText()).toContain(`Qwen Desk ${version}`);
    expect(await about.innerText()).toContain('Licence: MIT');

    const automatic = about.getByRole('switch', { name: 'Check for updates automatically' });
    expect(await automatic.isDisabled()).toBe(true);
    expect(await about.innerText()).toContain('Browser mode is not updated automatically');
    expect(await about.getByRole('button', { name: 'Check for updates' }).isDisabled()).toBe(true);
    expect(await about.getByRole('button', { name: 'Restart to update' }).count()).toBe(0);

    await about.getByText('Third-party notices').click();
    const notices = about.getByRole('list', { name: 'Third-party notices' });
    const items = await notices.getByRole('listitem').allInnerTexts();
    expect(items).toEqual(expect.arrayContaining(['Electron — MIT', 'OpenAI Node SDK — Apache-2.0']));
    expect(await notices.getByRole('link', { name: 'Electron', exact: true }).getAttribute('rel')).toContain(
      'noreferrer',
    );

    // In Simplified Chinese.
    await dialog.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    const aboutZh = page.getByRole('dialog', { name: '设置' }).getByRole('region', { name: '关于' });
    await expect.poll(() => aboutZh.isVisible()).toBe(true);
    expect(await aboutZh.getByRole('switch', { name: '自动检查更新' }).isDisabled()).toBe(true);
    expect(await aboutZh.getByRole('button', { name: '检查更新' }).isDisabled()).toBe(true);
    expect(await aboutZh.innerText()).toContain('浏览器模式不会自动更新');
    await page.close();
  });
});
