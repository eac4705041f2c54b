import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerWith, ask, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

type SentBody = Record<string, unknown> & {
  model: string;
  messages: Array<{ role: string; content: string }>;
};

/** Issue 6, item 4: Qwen controls per conversation, and the header's "Model" combobox. */
describe('conversation controls', () => {
  const suite = useChatWindowRig();

  const sent = () => suite.rig().fake.streamRequests.at(-1)!.body as SentBody;
  const open = async () => {
    const opened = await suite.open();
    return opened.page;
  };
  const chooseModel = async (page: Page, id: string) => {
    const box = page.getByRole('combobox', { name: 'Model' });
    await box.fill(id);
    await box.press('Enter');
    await poll(() => box.inputValue()).toBe(id);
  };
  const settings = async (page: Page) => {
    await page.getByRole('button', { name: 'Conversation settings' }).click();
    return page.getByRole('dialog', { name: 'Conversation settings' });
  };

  it('keeps a model chosen before Settings has loaded (Settings’ default does not replace it)', async () => {
    // The bridge holds back the reply to `settings.get` until the model is chosen.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let delivered = false;
    const { page } = await suite.open({
      beforeLoad: (context) =>
        context.routeWebSocket(/\/bridge/, (ws) => {
          const server = ws.connectToServer();
          const settingsCalls = new Set<number>();
          ws.onMessage((m) => {
            const request = JSON.parse(String(m)) as { id: number; channel: string };
            if (request.channel === 'settings.get') settingsCalls.add(request.id);
            server.send(m);
          });
          server.onMessage((m) => {
            const reply = JSON.parse(String(m)) as { kind: string; id?: number };
            if (reply.kind === 'result' && settingsCalls.has(reply.id!))
              void held.then(() => {
                ws.send(m);
                delivered = true;
              });
            else ws.send(m);
          });
        }),
    });
    const box = page.getByRole('combobox', { name: 'Model' });
    // Before Settings arrives the box shows the store's first model, qwen-plus: choose exactly it.
    await poll(() => box.inputValue()).toBe('qwen-plus');
    await box.fill('qwen-plus');
    await box.press('Enter');
    release();
    await poll(() => delivered).toBe(true);
    // Settings' defaults (qwen3.5-plus) have had their chance: two frames after the reply arrived.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await box.inputValue()).toBe('qwen-plus');
    answerWith(suite.rig(), 'This one.');
    await ask(page, 'Which model?');
    expect(sent().model).toBe('qwen-plus');
  });

  it('shows each model’s abilities in the "Model" combobox and takes a typed custom id', async () => {
    const page = await open();
    const box = page.getByRole('combobox', { name: 'Model' });
    await poll(() => page.locator('#model-picker-options option').count()).toBeGreaterThan(5);
    const label = (id: string) =>
      page.locator(`#model-picker-options option[value="${id}"]`).getAttribute('label');
    expect(await label('qwen-plus')).toMatch(/thinking · web search · JSON · 1M context · from \$0\.4 in/);
    expect(await label('qwen3.5-plus')).toMatch(/vision · thinks by default · web search/);
    expect(await label('qwen-vl-plus')).toMatch(/vision/);
    expect(await label('qwen-vl-plus')).not.toMatch(/web search/);
    expect(await label('qwq-plus')).toMatch(/always thinks/);
    // The chosen model's hints, under "More" below 1440 px (the default model, Qwen3.5-Plus).
    await page.getByRole('button', { name: 'More' }).click();
    const badges = page.getByRole('list', { name: 'What qwen3.5-plus can do' });
    expect(await badges.getByRole('listitem').allInnerTexts()).toContain('web search');

    await chooseModel(page, 'my-finetune-v2');
    const more = page.getByRole('button', { name: 'More' });
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    expect(
      await page
        .getByRole('list', { name: 'What my-finetune-v2 can do' })
        .getByRole('listitem')
        .allInnerTexts(),
    ).toEqual(['custom']);
    answerWith(suite.rig(), 'Custom answer.');
    queueTitle(suite.rig());
    await ask(page, 'Hello custom');
    expect(sent().model).toBe('my-finetune-v2');

    // Not a model id: refused in place, the model unchanged.
    await box.fill('not a model!');
    await box.press('Enter');
    expect(await page.getByRole('alert').filter({ hasText: 'A model id has only' }).count()).toBe(1);
    expect(await box.inputValue()).toBe('my-finetune-v2');
  });

  it('puts temperature, seed, max tokens, the system prompt, thinking with its budget and web search on the wire', async () => {
    const page = await open();
    await chooseModel(page, 'qwen-plus');
    const dialog = await settings(page);
    await dialog.getByRole('textbox', { name: 'System prompt' }).fill('You are terse.');
    await dialog.getByLabel('Temperature').fill('0.3');
    await dialog.getByLabel('Top P').fill('0.9');
    await dialog.getByLabel('Max tokens').fill('512');
    await dialog.getByLabel('Seed').fill('1234');
    const budget = dialog.getByLabel('Thinking budget');
    expect(await budget.isDisabled()).toBe(true); // thinking off: no budget
    await dialog.getByRole('switch', { name: 'Thinking' }).check();
    await budget.fill('2000');
    await dialog.getByRole('switch', { name: 'Web search' }).check();
    await dialog.getByRole('button', { name: 'Close' }).click();

    answerWith(suite.rig(), 'Short.', { reasoning: ['hmm '] });
    queueTitle(suite.rig());
    await ask(page, 'What is Qwen?');
    // Web search on: Automatic asks on the native protocol (for sources), parameters by its names.
    const native = suite.rig().fake.nativeRequests.at(-1)!.body as {
      model: string;
      input: { messages: Array<{ role: string; content: string }> };
      parameters: Record<string, unknown>;
    };
    expect(native.model).toBe('qwen-plus');
    expect(native.parameters).toMatchObject({
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 512,
      seed: 1234,
      enable_thinking: true,
      thinking_budget: 2000,
      enable_search: true,
    });
    expect(native.input.messages[0]).toEqual({ role: 'system', content: 'You are terse.' });
    expect(native.input.messages.at(-1)).toEqual({ role: 'user', content: 'What is Qwen?' });
  });

  it('disables what a vision model cannot do, saying why, and judges values by the engine’s rules', async () => {
    const page = await open();
    await chooseModel(page, 'qwen-vl-plus');
    const dialog = await settings(page);
    const search = dialog.getByRole('switch', { name: 'Web search' });
    expect(await search.isDisabled()).toBe(true);
    expect(await search.getAttribute('aria-describedby')).toBeTruthy();
    const reason = async (name: string, role: 'switch' | 'checkbox' = 'switch') => {
      const id = await dialog.getByRole(role, { name }).getAttribute('aria-describedby');
      return page.locator(`[id="${id}"]`).innerText();
    };
    expect(await reason('Web search')).toBe('qwen-vl-plus does not support web search');
    expect(await dialog.getByRole('switch', { name: 'Thinking' }).isDisabled()).toBe(true);
    expect(await reason('Thinking')).toBe('qwen-vl-plus does not support thinking');
    expect(await dialog.getByRole('checkbox', { name: 'JSON mode' }).isDisabled()).toBe(true);
    expect(await reason('JSON mode', 'checkbox')).toBe('qwen-vl-plus does not support JSON mode');
    // The common controls stay usable; a value out of range gets the engine's sentence.
    await dialog.getByLabel('Temperature').fill('2.5');
    await poll(() => dialog.getByRole('alert').allInnerTexts()).toContain(
      'Temperature must be at least 0 and less than 2.',
    );
    expect(await dialog.getByLabel('Temperature').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Temperature').fill('1');
    await poll(() => dialog.getByRole('alert').count()).toBe(0);

    // A thinking-only model: Thinking on and locked, its budget open.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await chooseModel(page, 'qwq-plus');
    await settings(page);
    const thinking = dialog.getByRole('switch', { name: 'Thinking' });
    expect(await thinking.isChecked()).toBe(true);
    expect(await thinking.isDisabled()).toBe(true);
    expect(await reason('Thinking')).toBe('qwq-plus always thinks; thinking cannot be turned off');
    expect(await dialog.getByLabel('Thinking budget').isEnabled()).toBe(true);
  });

  it('speaks Simplified Chinese: the button, the labels and the reasons', async () => {
    const opened = await suite.open({ locale: 'zh-CN' });
    const page = opened.page;
    const box = page.getByRole('combobox', { name: '模型' });
    await box.fill('qwen-vl-plus');
    await box.press('Enter');
    await page.getByRole('button', { name: '对话设置' }).click();
    const dialog = page.getByRole('dialog', { name: '对话设置' });
    expect(await dialog.getByRole('textbox', { name: '系统提示词' }).count()).toBe(1);
    const search = dialog.getByRole('switch', { name: '联网搜索' });
    expect(await search.isDisabled()).toBe(true);
    const id = await search.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${id}"]`).innerText()).toBe('qwen-vl-plus 不支持联网搜索');
    expect(await dialog.getByRole('list', { name: 'qwen-vl-plus 的能力' }).innerText()).toContain('视觉');
  });

  it('refuses JSON mode without the word "json" before any request, keeping the question', async () => {
    const page = await open();
    await chooseModel(page, 'qwen-plus');
    const dialog = await settings(page);
    await dialog.getByRole('checkbox', { name: 'JSON mode' }).check();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const before = suite.rig().fake.streamRequests.length;
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('List three colours');
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not sent' });
    await poll(() => alert.innerText()).toContain(
      'JSON mode needs the word "JSON" in your message or the system prompt',
    );
    expect(await box.inputValue()).toBe('List three colours');
    expect(suite.rig().fake.streamRequests.length).toBe(before);
    expect(await page.locator('article[data-role="assistant"]').count()).toBe(0);

    // With the word, it goes, as JSON mode.
    answerWith(suite.rig(), '{"colours":["red","green","blue"]}');
    queueTitle(suite.rig());
    await ask(page, 'List three colours as JSON');
    expect(sent().response_format).toEqual({ type: 'json_object' });
    expect(await alert.count()).toBe(0);
  });

  it('keeps each conversation’s values across a reload and when switching conversations; "Save as default" seeds new chats', async () => {
    const page = await open();
    await chooseModel(page, 'qwen-max');
    let dialog = await settings(page);
    await dialog.getByRole('textbox', { name: 'System prompt' }).fill('Answer in French.');
    await dialog.getByLabel('Temperature').fill('0.7');
    await dialog.getByLabel('Seed').fill('42');
    await dialog.getByRole('button', { name: 'Close' }).click();
    answerWith(suite.rig(), 'Bonjour.');
    queueTitle(suite.rig(), 'French chat');
    await ask(page, 'Hello');
    // Changed after sending, without sending again: kept too.
    dialog = await settings(page);
    await dialog.getByLabel('Seed').fill('43');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.waitForTimeout(600); // the change is written after a short pause

    await page.reload();
    const box = page.getByRole('combobox', { name: 'Model' });
    await poll(() => box.inputValue()).toBe('qwen-max');
    dialog = await settings(page);
    expect(await dialog.getByRole('textbox', { name: 'System prompt' }).inputValue()).toBe(
      'Answer in French.',
    );
    expect(await dialog.getByLabel('Temperature').inputValue()).toBe('0.7');
    expect(await dialog.getByLabel('Seed').inputValue()).toBe('43');

    // Save as default; a new chat starts from it; the old conversation keeps its own.
    await dialog.getByLabel('Temperature').fill('0.2');
    await dialog.getByRole('button', { name: 'Save as default' }).click();
    await poll(() => dialog.getByRole('status').innerText()).toContain('Saved');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'New chat' }).click();
    await poll(() => box.inputValue()).toBe('qwen-max');
    dialog = await settings(page);
    expect(await dialog.getByLabel('Temperature').inputValue()).toBe('0.2');
    await dialog.getByRole('textbox', { name: 'System prompt' }).fill('');
    await dialog.getByLabel('Temperature').fill('');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await chooseModel(page, 'qwen-turbo');
    answerWith(suite.rig(), 'Plain.');
    queueTitle(suite.rig(), 'Second chat');
    await ask(page, 'Second');
    expect(sent().model).toBe('qwen-turbo');
    expect(sent().temperature).toBeUndefined();
    expect(sent().messages[0]!.role).toBe('user');

    await page
      .getByRole('button', { name: /French chat/ })
      .first()
      .click();
    await poll(() => box.inputValue()).toBe('qwen-max');
    dialog = await settings(page);
    expect(await dialog.getByLabel('Seed').inputValue()).toBe('43');
    expect(await dialog.getByLabel('Temperature').inputValue()).toBe('0.2');
  });
});
