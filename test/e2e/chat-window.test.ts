import { describe, expect, it } from 'vitest';
import { tokenize } from '../fake-dashscope/server';
import { answerWith, ask, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

type SentBody = { messages: Array<{ role: string; content: string }> };

describe('chat window: thinking, usage, actions, keyboard, theme, language', () => {
  const suite = useChatWindowRig();

  const sent = () => suite.rig().fake.streamRequests.at(-1)!.body as SentBody;

  it('streams reasoning into an open "Thinking" section that closes with its duration when the answer starts', async () => {
    const opened = await suite.open();
    const page = opened.page;
    suite.rig().fake.enqueue({
      type: 'stream',
      reasoning: Array.from({ length: 60 }, (_, i) => `step${i} `),
      tokens: tokenize('The answer is **42**.'),
      delayMs: 20,
    });
    queueTitle(suite.rig());
    await page.getByRole('textbox', { name: 'Message' }).fill('Think hard');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('article[data-role="assistant"]');
    const toggle = answer.getByRole('button', { name: /^Thinking/ });
    // While thinking: open, reasoning visible, no answer text yet.
    await poll(() => answer.locator('.thinking-body').innerText()).toContain('step3');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.innerText()).toContain('Thinking…');
    // The answer starts: collapsed, with its duration.
    await poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await answer.locator('.thinking-body').isHidden()).toBe(true);
    expect(await toggle.innerText()).toMatch(/Thinking · [\d.]+ s/);
    const seconds = Number(/([\d.]+) s/.exec(await toggle.innerText())![1]);
    expect(seconds).toBeGreaterThan(0.5); // 60 pieces × 20 ms
    expect(await answer.locator('.content strong').innerText()).toBe('42');
    // Reopened on demand.
    await toggle.click();
    expect(await answer.locator('.thinking-body').innerText()).toContain('step59');
    // Usage of this answer, with the reasoning share.
    const usage = await answer.locator('.usage').innerText();
    expect(usage).toMatch(/^\d[\d,]* tokens in · \d[\d,]* out · 60 reasoning$/);
  });

  it('copies, edits (Up in an empty composer), regenerates and deletes messages', async () => {
    const opened = await suite.open();
    const page = opened.page;
    answerWith(suite.rig(), 'First **answer**.');
    queueTitle(suite.rig());
    const answer = await ask(page, 'Original question');

    // The conversation's estimated cost, from the catalog's price for the model.
    await poll(() => page.locator('.conversation-cost').innerText()).toMatch(
      /^≈ (< )?\$\d+\.\d+ this conversation$/,
    );
    await answer.getByRole('button', { name: 'Copy message' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('First **answer**.');

    answerWith(suite.rig(), 'Second answer.');
    await answer.getByRole('button', { name: 'Regenerate' }).click();
    await poll(() => answer.innerText()).toContain('Second answer.');
    await poll(() => answer.getAttribute('data-status')).toBe('done');
    expect(sent().messages.map((m) => m.content)).toEqual(['Original question']);

    const box = page.getByRole('textbox', { name: 'Message' });
    await box.click();
    await box.press('ArrowUp');
    expect(await box.inputValue()).toBe('Original question');
    expect(await page.getByText('Editing your question').count()).toBe(1);
    await box.fill('Edited question');
    answerWith(suite.rig(), 'Answer to the edit.');
    await box.press('Enter');
    await poll(() => page.locator('article[data-role="assistant"]').innerText()).toContain(
      'Answer to the edit.',
    );
    expect(sent().messages.map((m) => m.content)).toEqual(['Edited question']);
    expect(await page.locator('article[data-role="user"]').allInnerTexts()).toEqual([
      expect.stringContaining('Edited question'),
    ]);

    await page.locator('article[data-role="assistant"]').getByRole('button', { name: 'Delete' }).click();
    await poll(() => page.locator('article[data-role="assistant"]').count()).toBe(0);
    expect(await page.locator('article[data-role="user"]').count()).toBe(1);
  });

  it('regenerating makes a second version; the "‹ 2/2 ›" navigator switches between them', async () => {
    const opened = await suite.open();
    const page = opened.page;
    answerWith(suite.rig(), 'The first version.');
    queueTitle(suite.rig());
    const answer = await ask(page, 'Give me two versions');
    expect(await answer.getByRole('navigation', { name: 'Versions' }).count()).toBe(0);
    answerWith(suite.rig(), 'The second version.');
    await answer.getByRole('button', { name: 'Regenerate' }).click();
    const latest = page.locator('article[data-role="assistant"]');
    await poll(() => latest.getAttribute('data-status')).toBe('done');
    const versions = latest.getByRole('navigation', { name: 'Versions' });
    await poll(() => versions.innerText()).toMatch(/2\s*\/\s*2/);
    expect(await latest.innerText()).toContain('The second version.');

    await versions.getByRole('button', { name: 'Previous version' }).click();
    await poll(() => latest.innerText()).toContain('The first version.');
    expect(await versions.innerText()).toMatch(/1\s*\/\s*2/);
    expect(await versions.getByRole('button', { name: 'Previous version' }).isDisabled()).toBe(true);
    await versions.getByRole('button', { name: 'Next version' }).click();
    await poll(() => latest.innerText()).toContain('The second version.');
  });

  it('Esc stops a stream; Continue appends to the cut answer', async () => {
    const opened = await suite.open();
    const page = opened.page;
    suite.rig().fake.enqueue({
      type: 'stream',
      tokens: Array.from({ length: 400 }, (_, i) => `word${i} `),
      delayMs: 25,
    });
    queueTitle(suite.rig());
    await page.getByRole('textbox', { name: 'Message' }).fill('Count slowly');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('article[data-role="assistant"]');
    await poll(() => answer.innerText()).toContain('word3 ');
    await page.keyboard.press('Escape');
    await poll(() => answer.getAttribute('data-status')).toBe('stopped');
    const partial = (await answer.locator('.content').innerText()).trim();

    answerWith(suite.rig(), ' and the rest.');
    await answer.getByRole('button', { name: 'Continue' }).click();
    await poll(() => answer.getAttribute('data-status')).toBe('done');
    const body = sent();
    expect(body.messages.at(-2)).toEqual({ role: 'assistant', content: expect.stringContaining('word3 ') });
    expect(body.messages.at(-1)!.role).toBe('user');
    expect(body.messages.at(-1)!.content).toContain('Continue your previous answer');
    const text = (await answer.locator('.content').innerText()).trim();
    expect(text.startsWith(partial)).toBe(true);
    expect(text).toContain('and the rest.');
    expect(await page.locator('article').count()).toBe(2);
  });

  it('offers Continue for an answer cut by the length limit', async () => {
    const opened = await suite.open();
    answerWith(suite.rig(), 'A long answer that was cut', { finishReason: 'length' });
    queueTitle(suite.rig());
    const answer = await ask(opened.page, 'Write a lot');
    expect(await answer.innerText()).toContain('The answer reached the length limit.');
    expect(await answer.getByRole('button', { name: 'Continue' }).count()).toBe(1);
  });

  it('shows an error inline with its action, and Retry asks again', async () => {
    const opened = await suite.open();
    const page = opened.page;
    suite.rig().fake.enqueue({
      type: 'error',
      status: 400,
      error: {
        message: 'Range of input length should be [1, 30720]',
        type: 'invalid_request_error',
        code: 'invalid_parameter_error',
      },
    });
    const answer = await ask(page, 'Too long?', 'error');
    const alert = answer.getByRole('alert');
    expect(await alert.innerText()).toContain('Range of input length');
    answerWith(suite.rig(), 'Fine this time.');
    queueTitle(suite.rig());
    await alert.getByRole('button', { name: 'Retry' }).click();
    await poll(() => page.locator('article[data-role="assistant"]').innerText()).toContain('Fine this time.');
    expect(await page.locator('article[data-role="assistant"]').getAttribute('data-status')).toBe('done');
    expect(sent().messages.map((m) => m.content)).toEqual(['Too long?']);
  });

  it('an authentication error offers to open Settings', async () => {
    const opened = await suite.open();
    const page = opened.page;
    suite.rig().fake.enqueue({
      type: 'error',
      status: 401,
      error: {
        message: 'Incorrect API key provided.',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    });
    const answer = await ask(page, 'hello', 'error');
    await answer.getByRole('alert').getByRole('button', { name: 'Open Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  });

  it('keeps only what is on screen in the DOM, follows the stream, and offers "Jump to latest" after scrolling up', async () => {
    const opened = await suite.open({ viewport: { width: 1000, height: 600 } });
    const page = opened.page;
    const log = page.getByRole('log', { name: 'Messages' });
    expect(await log.getAttribute('aria-live')).toBe('polite');
    for (let i = 0; i < 20; i++) {
      answerWith(suite.rig(), `Answer number ${i}.\n\nWith a second paragraph to take some room.`, {
        delayMs: 0,
      });
      if (i === 0) queueTitle(suite.rig());
      await ask(page, `Question ${i}`);
    }
    // 40 messages, only a screenful (plus a few) rendered.
    const rendered = await page.locator('article').count();
    expect(rendered).toBeGreaterThan(2);
    expect(rendered).toBeLessThan(25);
    // Polled: the last answer's blocks are drawn once the view has followed it to the bottom
    // (off-screen blocks are skipped), which on a busy machine can be a frame or two after "done".
    await poll(() => page.locator('article').last().innerText()).toContain('Answer number 19.');

    // A long answer streams: the view follows it…
    suite.rig().fake.enqueue({
      type: 'stream',
      tokens: Array.from({ length: 600 }, (_, i) => `line${i}\n\n`),
      delayMs: 15,
    });
    await page.getByRole('textbox', { name: 'Message' }).fill('Stream many lines');
    await page.getByRole('button', { name: 'Send' }).click();
    const atBottom = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight <= 48);
    await poll(() => page.locator('article').last().innerText()).toContain('line40');
    await poll(atBottom).toBe(true);
    expect(await page.getByRole('button', { name: 'Jump to latest' }).count()).toBe(0);
    // …until the person scrolls up.
    await log.hover();
    await page.mouse.wheel(0, -1500);
    const jump = page.getByRole('button', { name: 'Jump to latest' });
    await jump.waitFor();
    const held = await log.evaluate((el) => el.scrollTop);
    // (textContent: off-screen finished blocks of a streaming answer are not rendered, so not in innerText.)
    await poll(() =>
      page
        .locator('article')
        .last()
        .evaluate((el) => el.textContent),
    ).toContain('line120');
    expect(Math.abs((await log.evaluate((el) => el.scrollTop)) - held)).toBeLessThan(5);
    expect(await atBottom()).toBe(false);
    await jump.click();
    await poll(atBottom).toBe(true);
    await poll(() => jump.count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('lists the keyboard shortcuts in a help panel, and Ctrl+Shift+O (browser mode) starts a new chat', async () => {
    const opened = await suite.open();
    const page = opened.page;
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    for (const line of [
      'Send the message',
      'New line',
      'New chat',
      'Search conversations',
      'Stop the answer',
      'Edit your last message',
    ])
      expect(text).toContain(line);
    // Browsers keep Ctrl+N for a new window, so browser mode lists the shortcut they leave to the page.
    const newChatKeys = dialog.locator('tr').filter({ hasText: 'New chat' }).locator('kbd');
    expect(await newChatKeys.allInnerTexts()).toEqual(['Ctrl', 'Shift', 'O']);
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);

    // Ctrl+K goes to the sidebar's searchbox (the history feature's; stood in for here).
    await page.evaluate(() => {
      const search = document.createElement('input');
      search.type = 'search';
      search.setAttribute('aria-label', 'Search conversations');
      document.body.prepend(search);
    });
    await page.getByRole('textbox', { name: 'Message' }).focus();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Search conversations',
    );

    answerWith(suite.rig(), 'Something.');
    queueTitle(suite.rig());
    await ask(page, 'Something?');
    await page.keyboard.press('Control+Shift+O');
    await poll(() => page.locator('article').count()).toBe(0);
    expect(await page.getByText('Ask anything.').count()).toBe(1);
  });

  it("follows the Theme setting: light, dark and the system's", async () => {
    const opened = await suite.open({ colorScheme: 'dark' });
    const page = opened.page;
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // As a person does it: Settings → Theme. (Setting data-theme by hand would race the saved
    // setting, which the app applies once it has loaded.)
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await poll(() => theme.inputValue()).toBe('system');
    await poll(bg).toBe('rgb(24, 24, 27)'); // the system is dark
    await theme.selectOption({ label: 'Light' });
    await poll(bg).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await theme.selectOption({ label: 'Dark' });
    await poll(bg).toBe('rgb(24, 24, 27)');
    await page.emulateMedia({ colorScheme: 'light' });
    await theme.selectOption({ label: 'Follow the system' });
    await poll(bg).toBe('rgb(255, 255, 255)');
  });

  it('speaks Simplified Chinese on a Chinese system, numbers included', async () => {
    const opened = await suite.open({ locale: 'zh-CN' });
    const page = opened.page;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    suite.rig().fake.enqueue({ type: 'stream', tokens: tokenize('你好！'), delayMs: 1, promptTokens: 12345 });
    queueTitle(suite.rig(), '问候');
    await page.getByRole('textbox', { name: '消息' }).fill('你好');
    await page.getByRole('button', { name: '发送' }).click();
    const answer = page.locator('article[data-role="assistant"]');
    await poll(() => answer.getAttribute('data-status')).toBe('done');
    expect(await answer.getByRole('button', { name: '复制消息' }).count()).toBe(1);
    expect(await answer.getByRole('button', { name: '重新生成' }).count()).toBe(1);
    expect(await answer.locator('.usage').innerText()).toContain('输入 12,345 个 Token');
    expect(await page.getByRole('button', { name: '键盘快捷键' }).count()).toBe(1);
  });
});
