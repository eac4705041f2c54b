/**
 * Titles in the sidebar (issue 15, item 6): the first words at once, the model's title when it
 * comes, and a failed first answer keeps the first words (it used to stay "New chat" for ever).
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../fake-dashscope/server';
import { dashscopeErrors } from '../fake-dashscope/wire';
import { poll, useChatWindowRig } from '../support/chat-window';

describe('conversation titles in the sidebar', () => {
  const suite = useChatWindowRig();

  it('shows the first words while the answer streams, then the model title; a failed chat keeps its first words', async () => {
    const { page } = await suite.open();
    const nav = page.getByRole('navigation', { name: 'Conversations' });
    suite.rig().fake.enqueue(
      {
        type: 'stream',
        tokens: tokenize('Longjing is a green tea from the hills around West Lake.'),
        delayMs: 80,
      },
      { type: 'completion', content: 'Longjing tea' },
    );
    await page.getByRole('textbox', { name: 'Message' }).fill('What is Longjing tea?');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('article[data-role="assistant"]').last();
    await poll(
      async () => (await answer.getAttribute('data-status')) === 'streaming' && (await nav.innerText()),
    ).toContain('What is Longjing tea?');
    await poll(() => nav.innerText()).toContain('Longjing tea\n');
    expect(await nav.innerText()).not.toContain('What is Longjing tea?');

    await page.keyboard.press('Control+Shift+O');
    suite.rig().fake.enqueue({ type: 'error', ...dashscopeErrors.invalidApiKey });
    await page.getByRole('textbox', { name: 'Message' }).fill('Why did this fail so early?');
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => page.locator('article[data-role="assistant"]').last().getAttribute('data-status')).toBe(
      'error',
    );
    await poll(() => nav.innerText()).toContain('Why did this fail so early?');
    expect(await nav.innerText()).not.toContain('Untitled');
  });
});
