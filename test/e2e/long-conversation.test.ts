import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerWith, poll, useChatWindowRig } from '../support/chat-window';
import { buildExport } from '../support/history-export';

const PAIRS = 1500; // 3,000 messages: 15 pages of 200

/** Imports one conversation of PAIRS question/answer pairs through the sidebar. */
async function importLongChat(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  const chooser = page.waitForEvent('filechooser');
  await nav.getByRole('button', { name: 'Import JSON' }).click();
  const file = buildExport([{ title: 'Very long chat', updatedAt: Date.now(), pairs: PAIRS }]);
  await (
    await chooser
  ).setFiles({
    name: 'long.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  return nav;
}

/** Issue 6 item 8 / issue 4 "open, paged": a long conversation loads earlier pages on scrolling up. */
describe('long conversations in Chromium', () => {
  const suite = useChatWindowRig();

  it('opens on the newest page and loads earlier ones at the top, keeping the reading position', async () => {
    const opened = await suite.open({ viewport: { width: 1000, height: 700 } });
    const page = opened.page;
    const nav = await importLongChat(page);
    await nav.getByRole('button', { name: 'Very long chat', exact: true }).click();

    const log = page.getByRole('log', { name: 'Messages' });
    await poll(() => log.locator('article').last().innerText()).toContain(`answer ${PAIRS - 1}`);
    const texts = () => log.locator('article .content').allInnerTexts();
    const rowCount = () => page.locator('.messages-row').count();
    expect(await texts()).not.toContain('question 0');

    // 15 pages of 200: the newest one opened, 14 more as the person reaches the top, each time
    // keeping in view the message that was at the top.
    for (let load = 1; load < (PAIRS * 2) / 200; load++) {
      const before = await log.evaluate((el) => {
        el.scrollTop = 0;
        // Handled now (the list re-renders synchronously on scroll), so the rows read below are
        // those at the top, not the ones left from the previous position.
        el.dispatchEvent(new Event('scroll'));
        const top = el.getBoundingClientRect().top;
        const first = [...el.querySelectorAll<HTMLElement>('article')].find(
          (a) => a.getBoundingClientRect().bottom > top,
        )!;
        return first.dataset.messageId!;
      });
      await poll(() =>
        log.evaluate((el, id) => {
          const article = el.querySelector<HTMLElement>(`article[data-message-id="${id}"]`);
          if (!article || el.scrollTop < 100) return false; // earlier messages are now above it
          const box = article.getBoundingClientRect();
          const view = el.getBoundingClientRect();
          return box.bottom > view.top && box.top < view.bottom;
        }, before),
      ).toBe(true);
      expect(await rowCount()).toBeLessThan(40); // still virtualized
      await poll(() => page.getByText('Loading earlier messages…').count()).toBe(0);
    }
    // Everything is loaded: the top is the first question, and nothing more is asked for.
    await log.evaluate((el) => {
      el.scrollTop = 0;
    });
    await poll(() => texts().then((t) => t[0]?.trim())).toBe('question 0');
    await new Promise((r) => setTimeout(r, 300));
    expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await page.getByText('Loading earlier messages…').count()).toBe(0);
  });

  it('a search hit deep in it opens there; "Jump to latest" and a new question go to the newest page', async () => {
    const { page } = await suite.open({ viewport: { width: 1000, height: 700 } });
    const nav = await importLongChat(page);
    await nav.getByRole('searchbox', { name: 'Search conversations' }).fill('answer 700');
    await page.getByRole('region', { name: 'Search results' }).getByRole('button').first().click();
    await poll(() =>
      page.evaluate(() => document.activeElement?.closest('article')?.textContent ?? ''),
    ).toContain('answer 700');
    const log = page.getByRole('log', { name: 'Messages' });
    const lastText = () =>
      log.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
        el.dispatchEvent(new Event('scroll'));
        return [...el.querySelectorAll('article .content')].at(-1)?.textContent?.trim();
      });
    // The page around the hit ends before the newest message, so the way there is offered.
    expect(await lastText()).not.toBe(`answer ${PAIRS - 1}`);
    const jump = page.getByRole('button', { name: 'Jump to latest' });
    await jump.click();
    await poll(lastText).toBe(`answer ${PAIRS - 1}`);
    await poll(() => jump.count()).toBe(0);

    // From a hit again, a new question goes after the newest answer, not after the page shown.
    await nav.getByRole('searchbox', { name: 'Search conversations' }).fill('answer 700');
    await page.getByRole('region', { name: 'Search results' }).getByRole('button').first().click();
    await poll(() => jump.count()).toBe(1);
    answerWith(suite.rig(), 'A fresh answer.');
    await page.getByRole('textbox', { name: 'Message' }).fill('One more question');
    await page.getByRole('button', { name: 'Send' }).click();
    // The answer is the newest message, right after the conversation's newest answer.
    const tail = () =>
      log.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
        el.dispatchEvent(new Event('scroll'));
        return [...el.querySelectorAll('article .content')].slice(-3).map((c) => c.textContent?.trim());
      });
    await poll(tail).toEqual([`answer ${PAIRS - 1}`, 'One more question', 'A fresh answer.']);
    await poll(() => log.locator('article').last().getAttribute('data-status')).toBe('done');
  });
});
