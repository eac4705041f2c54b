/**
 * Settings fields (issue 15, item 2): judged as they are typed, the allowed range said in words,
 * and a value the person did not enter never saved (emptying "Retries" used to save 0).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { poll, useChatWindowRig } from '../support/chat-window';

describe('Settings fields', () => {
  const suite = useChatWindowRig();
  const openSettings = async (page: Page, name = 'Settings') => {
    await page.getByRole('button', { name, exact: true }).click();
    return page.getByRole('dialog').filter({ has: page.getByRole('heading', { name }) });
  };

  it('says the range, refuses out-of-range or empty numbers without saving, and saves a good one', async () => {
    const { page } = await suite.open();
    let settings = await openSettings(page);
    const retries = settings.getByRole('spinbutton', { name: 'Retries' });
    expect(await retries.inputValue()).toBe('2');
    expect(await retries.getAttribute('aria-describedby')).toBeTruthy();
    const timeout = settings.getByRole('spinbutton', { name: 'Request timeout (seconds)' });
    expect(await settings.getByText('From 5 to 3600 seconds.').count()).toBe(1);

    await retries.fill('');
    const problem = settings
      .getByRole('alert')
      .filter({ hasText: 'Enter a whole number from 0 to 10. Not saved yet.' });
    await poll(() => problem.count()).toBe(1);
    expect(await retries.getAttribute('aria-invalid')).toBe('true');
    await timeout.focus(); // leaving the field does not save it
    await retries.fill('11');
    await retries.press('Enter');
    await poll(() => problem.count()).toBe(1);
    await page.reload();
    settings = await openSettings(page);
    expect(await settings.getByRole('spinbutton', { name: 'Retries' }).inputValue()).toBe('2');

    await settings.getByRole('spinbutton', { name: 'Retries' }).fill('3');
    expect(await settings.getByRole('alert').count()).toBe(0);
    await settings.getByRole('spinbutton', { name: 'Retries' }).press('Enter');
    await page.waitForTimeout(200);
    await page.reload();
    settings = await openSettings(page);
    expect(await settings.getByRole('spinbutton', { name: 'Retries' }).inputValue()).toBe('3');

    // An address that is not http(s): said at once; Esc puts the saved value back.
    const proxy = settings.getByRole('textbox', { name: 'Proxy' });
    await proxy.fill('ftp://proxy.example:21');
    await poll(() => settings.getByRole('alert').innerText()).toContain('starts with http:// or https://');
    await proxy.press('Escape');
    expect(await proxy.inputValue()).toBe('');
    expect(await settings.getByRole('alert').count()).toBe(0);
  });

  it('says it in Chinese', async () => {
    const { page } = await suite.open({ locale: 'zh-CN' });
    const settings = await openSettings(page, '设置');
    await settings.getByRole('spinbutton', { name: '重试次数' }).fill('');
    await poll(() => settings.getByRole('alert').innerText()).toBe('请输入 0 到 10 之间的整数。尚未保存。');
  });
});
