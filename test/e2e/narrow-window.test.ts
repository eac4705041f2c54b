/**
 * Narrow windows (issue 15, item 3), at 1280, 800, 600 and 420 px (the window's minimum, with its
 * minimum height of 360): nothing overflows the window, nothing in the header runs into anything
 * else, Send stays visible, and the sidebar is a toggle ("Show conversations", Ctrl+B) that gets
 * out of the way in narrow windows.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerWith, ask, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

/** Every visible element of the header and composer that leaves the window, or overlaps a sibling. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
    for (const el of document.querySelectorAll('.toolbar *, .composer *')) {
      if (!visible(el) || el.closest('.header-more-panel')) continue;
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5)
        problems.push(
          `${name(el)} leaves the window (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`,
        );
    }
    // The header's items side by side must not overlap ("Qwen DeskModel").
    const items = [
      ...document.querySelectorAll('.toolbar > *, .toolbar-controls > *, .model-picker > *'),
    ].filter(visible);
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!.getBoundingClientRect();
        const b = items[j]!.getBoundingClientRect();
        if (items[i]!.contains(items[j]!) || items[j]!.contains(items[i]!)) continue;
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const vertical = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlap > 0.5 && vertical > 0.5) problems.push(`${name(items[i]!)} overlaps ${name(items[j]!)}`);
      }
    return problems;
  });
}

describe('narrow windows', () => {
  const suite = useChatWindowRig();

  for (const [width, height] of [
    [1280, 800],
    [800, 600],
    [600, 500],
    [420, 360],
  ] as const) {
    it(`${width} × ${height}: nothing overflows, Send is visible, the sidebar is a toggle`, async () => {
      const { page } = await suite.open({ viewport: { width, height } });
      answerWith(suite.rig(), `An answer at ${width} px with a long unbreakable word ${'x'.repeat(120)}.`);
      queueTitle(suite.rig(), `Chat at ${width}`);
      await ask(page, `A question at ${width} px`);
      expect(await layoutProblems(page)).toEqual([]);
      const send = page.getByRole('button', { name: 'Send' });
      expect(await send.isVisible()).toBe(true);
      const box = (await send.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);

      const nav = page.getByRole('navigation', { name: 'Conversations' });
      const narrow = width < 800;
      expect(await nav.isVisible()).toBe(!narrow);
      const toggle = page.getByRole('button', { name: narrow ? 'Show conversations' : 'Hide conversations' });
      expect(await toggle.getAttribute('aria-expanded')).toBe(String(!narrow));
      await toggle.click();
      await poll(() => nav.isVisible()).toBe(narrow);
      if (narrow) {
        // Choosing a conversation puts the panel away.
        await nav.getByRole('button', { name: `Chat at ${width}`, exact: true }).click();
        await poll(() => nav.isVisible()).toBe(false);
      }
      await page.keyboard.press('Control+b');
      await poll(() => nav.isVisible()).toBe(true);
      await page.keyboard.press('Control+b');
      await poll(() => nav.isVisible()).toBe(false);
      expect(await layoutProblems(page)).toEqual([]);

      // Below 1440 px the model's hints are under "More"; below 900 px the toggles, cost and shortcuts too.
      const more = page.getByRole('button', { name: 'More' });
      expect(await more.isVisible()).toBe(true);
      await more.click();
      const panel = page.getByRole('group', { name: 'More' });
      expect(await panel.getByRole('list', { name: /^What .* can do$/ }).count()).toBe(1);
      expect(await panel.getByText(/this conversation/).count()).toBe(1);
      await panel.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1);
      await page.keyboard.press('Escape');
      const toggles = page.getByRole('group', { name: 'On for this conversation' }).first();
      expect(await toggles.isVisible()).toBe(width >= 900);
      for (const name of ['Settings', 'Conversation settings'])
        expect(await page.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true);
    });
  }
});
