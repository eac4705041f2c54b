import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import {
  answerWith,
  ask,
  openApp,
  poll,
  queueTitle,
  startRig,
  type ChatWindowRig,
} from '../support/chat-window';

/** Continue (issue 6): the continued text is part of the saved answer. */
describe('chat window: Continue is saved', () => {
  let rig: ChatWindowRig;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  it('continues a length-cut answer in the same message, and the whole text survives a reload', async () => {
    const opened = await openApp(rig);
    context = opened.context;
    const page = opened.page;
    answerWith(rig, 'Step one: mix the flour.', { finishReason: 'length', promptTokens: 12 });
    queueTitle(rig, 'Baking');
    const answer = await ask(page, 'How do I bake bread?');
    expect(await answer.innerText()).toContain('The answer reached the length limit.');
    const firstUsage = await answer.locator('.usage').innerText();

    answerWith(rig, ' Step two: knead the dough.', { promptTokens: 40 });
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
