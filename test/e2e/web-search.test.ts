import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerWith, ask, cspViolations, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

/**
 * Issue 13, item 3: a question with Web search on goes over DashScope's native protocol and shows
 * its sources and working "Source N" citation links; the same conversation continues on the
 * compatible protocol; a search that did not run says so.
 */
describe('web search with sources', () => {
  const suite = useChatWindowRig();

  /** After the list and Settings' defaults arrived (they would replace an earlier choice). */
  const ready = (page: Page) =>
    poll(() => page.locator('#model-picker-options option').count()).toBeGreaterThan(5);
  const chooseModel = async (page: Page, id: string) => {
    await ready(page);
    const box = page.getByRole('combobox', { name: 'Model' });
    await box.fill(id);
    await box.press('Enter');
    await poll(() => box.inputValue()).toBe(id);
  };
  const setSearch = async (page: Page, on: boolean) => {
    await page.getByRole('button', { name: 'Conversation settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
    const search = dialog.getByRole('switch', { name: 'Web search' });
    if (on) await search.check();
    else await search.uncheck();
    return dialog;
  };

  it('shows the sources and citation links, then continues on the compatible protocol', async () => {
    const { page } = await suite.open();
    await chooseModel(page, 'qwen-plus');
    const dialog = await setSearch(page, true);
    // The strategies this model allows, turbo first.
    const strategy = dialog.getByRole('combobox', { name: 'Search strategy' });
    expect(await strategy.locator('option').allInnerTexts()).toEqual(['Turbo (fast)', 'Max (more sources)']);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const rig = suite.rig();
    const nativeBefore = rig.fake.nativeRequests.length;
    answerWith(rig, 'West Lake is a freshwater lake in Hangzhou [1], famous for its causeways [2].');
    queueTitle(rig);
    const answer = await ask(page, 'Tell me about West Lake');
    expect(rig.fake.nativeRequests.length).toBe(nativeBefore + 1);

    const sources = answer.getByRole('region', { name: 'Sources' });
    const links = sources.getByRole('link');
    expect(await links.allInnerTexts()).toEqual(['West Lake travel guide', 'Hangzhou']);
    expect(await links.first().getAttribute('href')).toBe('https://example.com/west-lake');
    expect(await sources.innerText()).toContain('Example News');
    // Citation markers are superscript links to the same sources.
    const first = answer.getByRole('link', { name: 'Source 1' });
    expect(await first.getAttribute('href')).toBe('https://example.com/west-lake');
    expect(await first.getAttribute('target')).toBe('_blank');
    expect(await first.evaluate((a) => a.parentElement?.tagName)).toBe('SUP');
    expect(await answer.getByRole('link', { name: 'Source 2' }).getAttribute('href')).toBe(
      'https://wiki.example.org/Hangzhou',
    );
    expect(await answer.locator('.markdown').innerText()).not.toContain('[1]');
    expect(await answer.locator('.usage').innerText()).toContain('web searches: 1');
    // No remote image (the sites' icons) is loaded by the window.
    expect(await page.locator('img').count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);

    // Web search off: the same conversation goes on, over the compatible protocol.
    await setSearch(page, false);
    await page
      .getByRole('dialog', { name: 'Conversation settings' })
      .getByRole('button', { name: 'Close' })
      .click();
    const compatibleBefore = rig.fake.streamRequests.length;
    answerWith(rig, 'The Su Causeway is the longest.');
    const second = await ask(page, 'Which causeway is longest?');
    expect(rig.fake.streamRequests.length).toBe(compatibleBefore + 1);
    const history = (rig.fake.streamRequests.at(-1)!.body as { messages: Array<{ content: unknown }> })
      .messages;
    expect(history).toHaveLength(3);
    expect(await second.innerText()).toContain('The Su Causeway is the longest.');
    expect(await second.getByRole('region', { name: 'Sources' }).count()).toBe(0);
    // The first answer keeps its sources, after a reload too (they are saved with it).
    await page.reload();
    await poll(() => page.getByRole('region', { name: 'Sources' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Source 1' }).count()).toBe(1);
  });

  it('says no search ran when the search was skipped (count 0), in English and Chinese', async () => {
    for (const [locale, text] of [
      ['en-US', 'no web search ran'],
      ['zh-CN', '未进行联网搜索'],
    ] as const) {
      const { page } = await suite.open({ locale });
      await ready(page);
      const box = page.getByRole('combobox', { name: locale === 'en-US' ? 'Model' : '模型' });
      await box.fill('qwen-plus');
      await box.press('Enter');
      await page
        .getByRole('button', { name: locale === 'en-US' ? 'Conversation settings' : '对话设置' })
        .click();
      await page.getByRole('switch', { name: locale === 'en-US' ? 'Web search' : '联网搜索' }).check();
      await page.keyboard.press('Escape');
      answerWith(suite.rig(), 'From what I know: West Lake is in Hangzhou.', { search: { count: 0 } });
      queueTitle(suite.rig());
      await page.getByRole('textbox', { name: locale === 'en-US' ? 'Message' : '消息' }).fill('West Lake?');
      await page.keyboard.press('Enter');
      const answer = page.locator('article[data-role="assistant"][data-status="done"]').last();
      await answer.waitFor({ timeout: 20_000 });
      expect(await answer.locator('.usage').innerText()).toContain(text);
      expect(await answer.getByRole('region').count()).toBe(0);
    }
  });
});
