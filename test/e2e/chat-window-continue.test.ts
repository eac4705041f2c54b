import { describe, expect, it } from 'vitest';
import { answerWith, ask, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

/** Continue (issue 6): the continued text is part of the saved answer. */
describe('chat window: Continue is saved', () => {
  const suite = useChatWindowRig();

  it('continues a length-cut answer in the same message, and the whole text survives a reload', async () => {
    const opened = await suite.open();
    const page = opened.page;
    answerWith(suite.rig(), 'Step one: mix the flour.', { finishReason: 'length', promptTokens: 12 });
    queueTitle(suite.rig(), 'Baking');
    const answer = await ask(page, 'How do I bake bread?');
    expect(await answer.innerText()).toContain('The answer reached the length limit.');
    const firstUsage = await answer.locator('.usage').innerText();
    // The title request takes its queued answer before the continuation asks for one.
    await poll(() =>
      page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Baking' }).count(),
    ).toBe(1);

    answerWith(suite.rig(), ' Step two: knead the dough.', { promptTokens: 40 });
    await answer.getByRole('button', { name: 'Continue' }).click();
    await poll(() => answer.getAttribute('data-status')).toBe('done');
    await poll(() => answer.locator('.content').innerText()).toBe(
      'Step one: mix the flour. Step two: knead the dough.',
    );
    expect(await page.locator('article').count()).toBe(2);
    expect(await answer.innerText()).not.toContain('The answer reached the length limit.');
    expect(await answer.getByRole('button', { name: 'Continue' }).count()).toBe(0);
    // Both requests counted: 12 + 40 tokens in.
    await poll(() => answer.locator('.usage').innerText()).toMatch(/^52 tokens in · \d+ out$/);
    const usage = await answer.locator('.usage').innerText();
    expect(usage).not.toBe(firstUsage);

    await page.reload();
    const reloaded = page.locator('article[data-role="assistant"]');
    await poll(() => reloaded.locator('.content').innerText()).toBe(
      'Step one: mix the flour. Step two: knead the dough.',
    );
    expect(await reloaded.getAttribute('data-status')).toBe('done');
    expect(await reloaded.locator('.usage').innerText()).toBe(usage);
    expect(await page.locator('article').count()).toBe(2);
  });
});
