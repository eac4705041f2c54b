/**
 * Translation and the answer cache (issue 14, items 4 and 5) in real Chromium against browser mode
 * and the fake server: the Translate controls (From with automatic detection, To, the glossary, the
 * domain hint) carried by the request, a repeated translation answered "From cache" with no request
 * and "Ask again" making one, and the quick window's translate mode with Copy answer.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cspViolations, openQuick, poll, useChatWindowRig } from '../support/chat-window';

interface SentTranslation {
  model: string;
  messages: Array<{ role: string; content: string }>;
  translation_options: {
    source_lang: string;
    target_lang: string;
    terms?: Array<{ source: string; target: string }>;
    domains?: string;
  };
}

const assistant = (page: Page) => page.locator('article[data-role="assistant"]').last();

describe('translation (browser mode)', () => {
  const suite = useChatWindowRig();
  const sent = () => suite.rig().fake.streamRequests;

  async function chooseModel(page: Page, id: string, label = 'Model') {
    const box = page.getByRole('combobox', { name: label });
    await box.fill(id);
    await box.press('Enter');
    await poll(() => box.inputValue()).toBe(id);
  }

  async function translate(page: Page, text: string, box = 'Message') {
    const count = sent().length;
    const answers = await page.locator('article[data-role="assistant"]').count();
    await page.getByRole('textbox', { name: box, exact: true }).fill(text);
    await page.getByRole('button', { name: 'Translate', exact: true }).last().click();
    await poll(() => page.locator('article[data-role="assistant"]').count()).toBe(answers + 1);
    await poll(() => assistant(page).getAttribute('data-status')).toBe('done');
    return sent().length - count;
  }

  it('translates with From (automatic), To, a glossary term and a domain hint, all carried by the request', async () => {
    const { page } = await suite.open();
    await chooseModel(page, 'qwen-mt-flash');
    const from = page.getByRole('combobox', { name: 'From', exact: true });
    const to = page.getByRole('combobox', { name: 'To', exact: true });
    expect(await from.inputValue()).toBe('auto');
    expect(await from.locator('option:checked').textContent()).toBe('Detect automatically');
    await to.selectOption('English');

    await page.getByRole('button', { name: 'Glossary', exact: true }).click();
    await page.getByRole('button', { name: 'Add term' }).click();
    await page.getByRole('textbox', { name: 'Term 1', exact: true }).fill('生物传感器');
    // Half-filled: refused before sending, in words, with the text kept.
    await page.getByRole('textbox', { name: 'Message' }).fill('这个生物传感器很灵敏');
    await page.getByRole('button', { name: 'Translate', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'needs both a term and its translation' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('这个生物传感器很灵敏');
    expect(sent()).toHaveLength(0);

    await page.getByRole('textbox', { name: 'Translation of term 1' }).fill('biological sensor');
    await page.getByRole('textbox', { name: 'Domain hint' }).fill('Product reviews of lab equipment.');
    expect(await translate(page, '这个生物传感器很灵敏')).toBe(1);
    expect(await assistant(page).innerText()).toContain('[Chinese → English] 这个biological sensor很灵敏');
    const body = sent().at(-1)!.body as SentTranslation;
    expect(body.model).toBe('qwen-mt-flash');
    expect(body.messages).toEqual([{ role: 'user', content: '这个生物传感器很灵敏' }]);
    expect(body.translation_options).toEqual({
      source_lang: 'auto',
      target_lang: 'English',
      terms: [{ source: '生物传感器', target: 'biological sensor' }],
      domains: 'Product reviews of lab equipment.',
    });
    // A translation costs one request: its title is its first words.
    expect(
      suite.rig().fake.chatRequests.filter((r) => (r.body as { stream?: boolean }).stream !== true),
    ).toEqual([]);

    // The next text in the same conversation goes alone, with the conversation's glossary.
    await from.selectOption('Chinese');
    await to.selectOption('Japanese');
    expect(await translate(page, '生物传感器')).toBe(1);
    expect((sent().at(-1)!.body as SentTranslation).messages).toHaveLength(1);
    expect((sent().at(-1)!.body as SentTranslation).translation_options).toMatchObject({
      source_lang: 'Chinese',
      target_lang: 'Japanese',
      terms: [{ source: '生物传感器' }],
    });
    expect(await cspViolations(page)).toEqual([]);
  });

  it('answers a repeated translation "From cache" with no request; "Ask again" makes one', async () => {
    const { page } = await suite.open();
    await chooseModel(page, 'qwen-mt-plus'); // the model that repeats the full text in every event
    await page.getByRole('combobox', { name: 'To', exact: true }).selectOption('French');
    expect(await translate(page, 'Good morning, Hangzhou')).toBe(1);
    const first = await assistant(page).locator('.content').innerText();
    expect(first).toBe('[English → French] Good morning, Hangzhou');
    await poll(() => assistant(page).locator('.usage').count()).toBe(1);

    expect(await translate(page, 'Good morning, Hangzhou')).toBe(0);
    const cached = assistant(page);
    expect(await cached.locator('.content').innerText()).toBe(first);
    await cached.getByText('From cache · just now').waitFor();
    // Free: no token line, and the conversation's cost counts it as nothing.
    expect(await cached.locator('.usage').count()).toBe(0);

    const before = sent().length;
    await cached.getByRole('button', { name: 'Ask again' }).click();
    await poll(() => sent().length).toBe(before + 1);
    await poll(() => assistant(page).getAttribute('data-status')).toBe('done');
    expect(
      await assistant(page)
        .getByText(/From cache/)
        .count(),
    ).toBe(0);
    expect(await assistant(page).locator('.content').innerText()).toBe(first);
    // The new answer is a sibling of the cached one (‹ 2/2 ›), which still says where it came from.
    await assistant(page).getByText('2/2', { exact: true }).waitFor();
    await assistant(page).getByRole('button', { name: 'Previous version' }).click();
    await assistant(page).getByText('From cache · just now').waitFor();
  });

  it('speaks the UI’s language: 简体中文 labels, language names and refusals', async () => {
    const { page } = await suite.open({ locale: 'zh-CN' });
    await chooseModel(page, 'qwen-mt-lite', '模型');
    const from = page.getByRole('combobox', { name: '源语言', exact: true });
    expect(await from.locator('option:checked').textContent()).toBe('自动检测');
    const to = page.getByRole('combobox', { name: '目标语言', exact: true });
    expect(await to.locator('option:checked').textContent()).toBe('英语');
    expect(await to.locator('option[value="Japanese"]').textContent()).toBe('日语');
    await page.getByRole('button', { name: '术语表', exact: true }).click();
    await page.getByRole('button', { name: '添加术语' }).click();
    await page.getByRole('textbox', { name: '消息' }).fill('西湖');
    await page.getByRole('button', { name: '翻译', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '每个术语条目都需要填写术语和译文' }).waitFor();
    expect(await page.getByRole('textbox', { name: '消息' }).inputValue()).toBe('西湖');
  });

  it('the quick window’s translate mode: paste text, get the translation, Copy answer', async () => {
    const { context, page: main } = await suite.open();
    await main.close();
    const page = await openQuick(context, suite.rig().app.url);
    const mode = page.getByRole('button', { name: 'Translate', exact: true }).first();
    await mode.waitFor();
    expect(await mode.getAttribute('aria-pressed')).toBe('false');
    await mode.click();
    await poll(() => mode.getAttribute('aria-pressed')).toBe('true');
    await poll(() => page.getByRole('combobox', { name: 'Model' }).inputValue()).toBe('qwen-mt-flash');
    await page.getByRole('combobox', { name: 'To', exact: true }).selectOption('German');

    const box = page.getByRole('textbox', { name: 'Quick question' });
    await box.focus();
    await page.evaluate(() => navigator.clipboard.writeText('灵隐寺'));
    await page.keyboard.press('Control+V');
    expect(await box.inputValue()).toBe('灵隐寺');
    await box.press('Enter');
    await poll(() => assistant(page).getAttribute('data-status')).toBe('done');
    const body = sent().at(-1)!.body as SentTranslation;
    expect(body).toMatchObject({
      model: 'qwen-mt-flash',
      messages: [{ role: 'user', content: '灵隐寺' }],
      translation_options: { source_lang: 'auto', target_lang: 'German' },
    });
    await page.getByRole('button', { name: 'Copy answer' }).click();
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('[Chinese → German] 灵隐寺');

    // Off again: back to the model it had, a new question.
    await mode.click();
    await poll(() => page.getByRole('combobox', { name: 'Model' }).inputValue()).not.toBe('qwen-mt-flash');
    expect(await page.getByRole('combobox', { name: 'To', exact: true }).count()).toBe(0);
    expect(await page.locator('article').count()).toBe(0);
  });
});
