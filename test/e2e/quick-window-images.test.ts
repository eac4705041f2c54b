/**
 * A screenshot pasted into the quick window (issue 11, with issue 10's attachment pieces): one
 * chip with its size and token cost, sent with the question as an image part, and shown as a
 * thumbnail in the quick conversation.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pasteFiles } from '../support/attachments';
import { makeImageFixtures, type ImageFixtures } from '../support/image-fixtures';
import { answerWith, openQuick, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

describe('images in the quick window', () => {
  const suite = useChatWindowRig();
  let fixtures: ImageFixtures;
  beforeAll(async () => {
    fixtures = await makeImageFixtures(suite.rig().browser);
  }, 60_000);
  afterAll(() => {
    if (fixtures) fs.rmSync(fixtures.dir, { recursive: true, force: true });
  });

  it('pastes a screenshot as one chip, sends it with the question, and shows its thumbnail', async () => {
    const { context, page: main } = await suite.open();
    await main.close();
    const rig = suite.rig();
    const page = await openQuick(context, rig.app.url);
    const box = page.getByRole('textbox', { name: 'Quick question' });
    // The quick window starts on Settings' default model (Qwen3.5-Plus, which sees images).
    await poll(() => page.getByRole('combobox', { name: 'Model' }).inputValue()).toBe('qwen3.5-plus');
    await box.fill('What does this screenshot show?');
    await pasteFiles(page, [fixtures.screenshot]);
    const chips = page.getByRole('list', { name: 'Attachments' }).getByRole('listitem');
    await poll(() => chips.count()).toBe(1);
    await poll(() => chips.first().innerText(), { timeout: 30_000 }).toMatch(/≈[\d,]+ tokens/);
    expect(await chips.first().innerText()).toMatch(/\d+ × \d+/);

    answerWith(rig, 'A settings window.');
    queueTitle(rig);
    const before = rig.fake.streamRequests.length;
    await box.press('Enter');
    await poll(() => rig.fake.streamRequests.length).toBe(before + 1);
    const request = rig.fake.streamRequests.at(-1)!;
    expect(request.images).toHaveLength(1);
    expect(request.images![0]!.mime).toMatch(/^image\/(png|jpeg)$/);
    await poll(() => chips.count()).toBe(0);
    const question = page.locator('article[data-role="user"]');
    await poll(() => question.getByRole('img', { name: 'screenshot.png' }).count()).toBe(1);
    await poll(() => page.locator('article[data-role="assistant"]').getAttribute('data-status')).toBe('done');
  });
});
