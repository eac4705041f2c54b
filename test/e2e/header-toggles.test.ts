/**
 * The conversation's state in the header (issue 15, item 7): Thinking, Web search and JSON mode as
 * toggles showing what is on for this chat, changing it within the model's rules, agreeing with
 * Conversation settings; the cost keeps its place, so the header does not shift when it appears.
 */
import { describe, expect, it } from 'vitest';
import { answerWith, ask, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

type Sent = { model: string; enable_thinking?: boolean };

describe('the header: this conversation’s toggles and its cost', () => {
  const suite = useChatWindowRig();

  it('shows and changes what is on for this chat, within the model’s rules', async () => {
    const { page } = await suite.open({ viewport: { width: 1200, height: 760 } });
    const rig = suite.rig();
    const toggles = page.getByRole('group', { name: 'On for this conversation' }).first();
    const thinking = toggles.getByRole('button', { name: 'Thinking' });
    // The default model (Qwen3.5-Plus) thinks by default: on (once the catalog is in), changeable.
    await poll(() => thinking.getAttribute('aria-pressed')).toBe('true');
    const settingsButton = page.getByRole('button', { name: 'Settings', exact: true });
    const before = (await settingsButton.boundingBox())!;

    await thinking.click();
    expect(await thinking.getAttribute('aria-pressed')).toBe('false');
    answerWith(rig, 'Quick answer.');
    queueTitle(rig);
    await ask(page, 'No thinking, please');
    const sent = rig.fake.streamRequests.at(-1)!.body as Sent;
    expect(sent.enable_thinking).toBe(false);
    // The cost appeared in the space kept for it: nothing in the header moved.
    await poll(() =>
      page
        .getByText(/this conversation/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect((await settingsButton.boundingBox())!.x).toBe(before.x);

    // Conversation settings says the same.
    await page.getByRole('button', { name: 'Conversation settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
    expect(await dialog.getByRole('switch', { name: 'Thinking' }).isChecked()).toBe(false);
    await dialog.getByRole('switch', { name: 'Thinking' }).check();
    await page.keyboard.press('Escape');
    await poll(() => thinking.getAttribute('aria-pressed')).toBe('true');

    // A model that always thinks: pressed, and cannot be turned off (its reason is its description).
    const box = page.getByRole('combobox', { name: 'Model' });
    await box.fill('qwq-plus');
    await box.press('Enter');
    await poll(() => thinking.getAttribute('aria-disabled')).toBe('true');
    expect(await thinking.getAttribute('aria-pressed')).toBe('true');
    expect(await thinking.getAttribute('title')).toMatch(/qwq-plus/);
    // (force: Playwright will not click what is aria-disabled; a person can, and nothing changes.)
    await thinking.click({ force: true });
    expect(await thinking.getAttribute('aria-pressed')).toBe('true');
  });
});
