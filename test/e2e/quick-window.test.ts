/**
 * The quick window (issue 11) in real Chromium against browser mode: the same address with
 * `window=quick` (the token kept). Ask, stream, stop, copy, new question, and "Continue in main
 * window", which shows the conversation, still streaming, in the open main page (or opens one).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../fake-dashscope/server';
import {
  answerWith,
  cspViolations,
  openQuick,
  poll,
  queueTitle,
  quickUrl,
  useChatWindowRig,
} from '../support/chat-window';

const assistant = (page: Page) => page.locator('article[data-role="assistant"]').last();

describe('quick window (browser mode, ?window=quick)', () => {
  const suite = useChatWindowRig();

  it('asks with Enter, streams Markdown, stops, copies the answer and starts a new question', async () => {
    const { context, page: main } = await suite.open();
    await main.close();
    const page = await openQuick(context, suite.rig().app.url);
    const box = page.getByRole('textbox', { name: 'Quick question' });
    // Focused and ready on load; the model picker is there in small.
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('combobox', { name: 'Model' }).waitFor();

    // Shift+Enter adds a line; Enter sends.
    await box.fill('First line');
    await box.press('Shift+Enter');
    await box.pressSequentially('second line');
    expect(await box.inputValue()).toBe('First line\nsecond line');
    suite.rig().fake.enqueue({
      type: 'stream',
      tokens: tokenize(`**Bold** start. ${'and more words '.repeat(200)}`),
      delayMs: 15,
    });
    queueTitle(suite.rig());
    await box.press('Enter');
    expect(await box.inputValue()).toBe('');
    await poll(() => assistant(page).locator('strong').first().textContent()).toBe('Bold');
    expect(await assistant(page).getAttribute('data-status')).toBe('streaming');
    const sent = suite.rig().fake.streamRequests.at(-1)!.body as { messages: Array<{ content: string }> };
    expect(sent.messages.at(-1)!.content).toBe('First line\nsecond line');

    // Stop while streaming: what arrived is kept.
    await page.getByRole('button', { name: 'Stop' }).click();
    await poll(() => assistant(page).getAttribute('data-status')).toBe('stopped');
    const kept = await assistant(page).innerText();
    expect(kept).toContain('Bold start.');

    // A follow-up in the same conversation, then copy it (button and Ctrl+Shift+C).
    answerWith(suite.rig(), 'The answer is `42`.');
    await box.fill('And the answer?');
    await box.press('Enter');
    await poll(() => assistant(page).getAttribute('data-status')).toBe('done');
    expect(await page.locator('article[data-role="user"]').count()).toBe(2);
    await page.getByRole('button', { name: 'Copy answer' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('The answer is `42`.');
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await box.focus();
    await page.keyboard.press('Control+Shift+C');
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('The answer is `42`.');

    // New question: empty, focused, and the next question starts another conversation.
    await page.getByRole('button', { name: 'New question' }).click();
    expect(await page.locator('article').count()).toBe(0);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: 'Continue in main window' }).isDisabled()).toBe(true);
    expect(await cspViolations(page)).toEqual([]);
  });

  it('"Continue in main window" shows the conversation, still streaming, in the open main page', async () => {
    const { context, page: main } = await suite.open();
    const page = await openQuick(context, suite.rig().app.url);
    suite.rig().fake.enqueue({
      type: 'stream',
      tokens: tokenize(`Streaming on. ${'word '.repeat(300)}The end.`),
      delayMs: 10,
    });
    queueTitle(suite.rig(), 'Quick one');
    const box = page.getByRole('textbox', { name: 'Quick question' });
    await box.fill('Keep going in the big window');
    await box.press('Enter');
    await poll(() => assistant(page).innerText()).toContain('Streaming on.');
    expect(await assistant(page).getAttribute('data-status')).toBe('streaming');

    await page.getByRole('button', { name: 'Continue in main window' }).click();
    // The main page has the same question and follows the same stream to its end.
    await poll(() => main.locator('article[data-role="user"]').last().innerText()).toContain(
      'Keep going in the big window',
    );
    // Joined mid-stream, it holds the answer from its first word (not from its last save) on.
    await poll(() => assistant(main).locator('.content').innerText()).toContain('word');
    expect(await assistant(main).locator('.content').innerText()).toMatch(/^Streaming on\. word/);
    await poll(() => assistant(main).getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    await poll(() => assistant(page).getAttribute('data-status')).toBe('done');
    const inMain = await assistant(main).locator('.content').innerText();
    expect(inMain).toContain('The end.');
    expect(inMain).toBe(await assistant(page).locator('.content').innerText());
    // An ordinary conversation in history: the sidebar lists it, marked as begun in the quick window
    // (its name stays its title; the mark describes it).
    const nav = main.getByRole('navigation', { name: 'Conversations' });
    await poll(() => nav.innerText()).toContain('Quick one');
    const row = nav.getByRole('button', { name: 'Quick one', exact: true });
    expect(await row.getAttribute('aria-describedby')).toBeTruthy();
    expect(await row.locator('.quick-badge').innerText()).toBe('Quick ask');
  });

  it('opens a main page on the conversation when none is open', async () => {
    const { context, page: main } = await suite.open();
    await main.close();
    const page = await openQuick(context, suite.rig().app.url);
    answerWith(suite.rig(), 'Short answer.');
    queueTitle(suite.rig());
    const box = page.getByRole('textbox', { name: 'Quick question' });
    await box.fill('Open me elsewhere');
    await box.press('Enter');
    await poll(() => assistant(page).getAttribute('data-status')).toBe('done');
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Continue in main window' }).click(),
    ]);
    await poll(() => opened.locator('article[data-role="assistant"]').last().innerText()).toContain(
      'Short answer.',
    );
    expect(await opened.locator('article[data-role="user"]').innerText()).toContain('Open me elsewhere');
    // The token left the address (as on any page), and so did the conversation parameter.
    expect(opened.url()).not.toMatch(/token=|conversation=/);
  });

  it('pre-fills from the address (cleaned of control characters) and never sends it by itself', async () => {
    const { context, page: main } = await suite.open();
    await main.close();
    const before = suite.rig().fake.streamRequests.length;
    const page = await openQuick(
      context,
      suite.rig().app.url,
      `&q=${encodeURIComponent('What is\u0000 \u202eQwen?')}`,
    );
    const box = page.getByRole('textbox', { name: 'Quick question' });
    expect(await box.inputValue()).toBe('What is Qwen?');
    await page.waitForTimeout(300);
    expect(suite.rig().fake.streamRequests.length).toBe(before);
    expect(await page.locator('article').count()).toBe(0);
  });

  it('Settings: "Quick ask shortcut" records a combination, refuses one without a modifier, clears; "Keep running in the tray" persists', async () => {
    const { page } = await suite.open();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const field = dialog.getByRole('textbox', { name: 'Quick ask shortcut' });
    expect(await field.inputValue()).toBe('CommandOrControl+Shift+Space');
    // Browser mode says the shortcut and the tray belong to the app, and shows the command.
    await poll(() => dialog.innerText()).toContain('part of the desktop app');
    expect(await dialog.locator('code.command').innerText()).toBe('qwen-desk --quick-ask');

    await field.click();
    await page.keyboard.press('Control+Alt+K');
    await poll(() => field.inputValue()).toBe('CommandOrControl+Alt+K');
    // A bare key cannot be a global shortcut: said in words, the saved one kept.
    await field.click();
    await page.keyboard.press('K');
    await poll(() => dialog.getByRole('alert').innerText()).toContain('cannot be a global shortcut');
    await field.blur();
    expect(await field.inputValue()).toBe('CommandOrControl+Alt+K');

    const keep = dialog.getByRole('switch', { name: 'Keep running in the tray' });
    expect(await keep.isChecked()).toBe(true);
    await keep.uncheck();
    // Both survive a reload (saved in the main process).
    await poll(async () => {
      await page.reload();
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const d = page.getByRole('dialog', { name: 'Settings' });
      return [
        await d.getByRole('textbox', { name: 'Quick ask shortcut' }).inputValue(),
        await d.getByRole('switch', { name: 'Keep running in the tray' }).isChecked(),
      ];
    }).toEqual(['CommandOrControl+Alt+K', false]);
    const again = page.getByRole('dialog', { name: 'Settings' });
    await again.getByRole('button', { name: 'Clear' }).click();
    await poll(() => again.getByRole('textbox', { name: 'Quick ask shortcut' }).inputValue()).toBe('');
    await again.getByRole('switch', { name: 'Keep running in the tray' }).check();
  });

  it('speaks Simplified Chinese in the quick window', async () => {
    const { context, page: main } = await suite.open({ locale: 'zh-CN' });
    await main.close();
    const page = await context.newPage();
    await page.goto(quickUrl(suite.rig().app.url));
    await page.getByRole('textbox', { name: '快速提问内容' }).waitFor();
    for (const name of ['复制回答', '新问题', '在主窗口中继续', '固定'])
      await page.getByRole('button', { name }).waitFor();
  });
});
