import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dashscopeErrors } from '../fake-dashscope/wire';
import { poll, useChatWindowRig } from '../support/chat-window';
import { latinOnlySentences } from '../support/latin-only';

/**
 * Issue 15, item 1: in 简体中文 what the main process says (Qwen's failures, the engine's
 * refusals, a refused import) is said in Chinese, not in main's English.
 */
describe('main’s messages in Simplified Chinese', () => {
  const suite = useChatWindowRig();
  const open = async () => (await suite.open({ locale: 'zh-CN' })).page;
  const send = async (page: Page, question: string) => {
    await page.getByRole('textbox', { name: '消息' }).fill(question);
    await page.getByRole('button', { name: '发送' }).click();
  };
  const expectChinese = (text: string) => {
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(latinOnlySentences(text)).toEqual([]);
  };

  it('says Qwen’s failures in Chinese, with their action; Qwen’s own words stay under them', async () => {
    const page = await open();
    const cases = [
      [dashscopeErrors.invalidApiKey, 'Qwen 拒绝了这个 API 密钥。'],
      [dashscopeErrors.arrearage, '你的阿里云账户已欠费'],
      [dashscopeErrors.inputInspectionFailed, 'Qwen 的内容安全检查拒绝了你的消息。'],
      [dashscopeErrors.modelNotFound('qwen-x'), '或你的密钥无权使用它'],
    ] as const;
    for (const [i, [wire, expected]] of cases.entries()) {
      // Each in a new chat: a first answer that failed asks for no title.
      if (i > 0) await page.getByRole('button', { name: '新对话' }).click();
      suite.rig().fake.enqueue({ type: 'error', ...wire });
      await send(page, `问题 ${i}`);
      const alert = page.locator('article[data-role="assistant"]').last().getByRole('alert');
      await poll(() => alert.count()).toBe(1);
      // The sentence and its action, without the server's words (shown apart, as they are).
      const said = await alert.evaluate((el) =>
        [...el.childNodes]
          .filter((n) => !(n instanceof HTMLElement && (n.matches('.detail') || n.tagName === 'BUTTON')))
          .map((n) => n.textContent)
          .join(''),
      );
      expect(said).toContain(expected);
      expectChinese(said);
      expect(await alert.locator('.detail').count()).toBe(1);
    }
  });

  it('refuses JSON mode without the word, in Chinese, keeping the question', async () => {
    const page = await open();
    const box = page.getByRole('combobox', { name: '模型' });
    await poll(() => page.locator('#model-picker-options option').count()).toBeGreaterThan(5);
    await box.fill('qwen-plus');
    await box.press('Enter');
    await page.getByRole('button', { name: '对话设置' }).click();
    const dialog = page.getByRole('dialog', { name: '对话设置' });
    await dialog.getByRole('checkbox', { name: 'JSON 模式' }).check();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await send(page, '列出三种颜色');
    const alert = page.getByRole('alert').filter({ hasText: '未发送' });
    await poll(() => alert.innerText()).toContain('JSON 模式要求消息或系统提示词中含有“JSON”一词');
    expectChinese((await alert.innerText()).replace('关闭', ''));
    expect(await page.getByRole('textbox', { name: '消息' }).inputValue()).toBe('列出三种颜色');
  });

  it('says a refused import in Chinese', async () => {
    const page = await open();
    const nav = page.getByRole('navigation', { name: '对话' });
    const chooser = page.waitForEvent('filechooser');
    await nav.getByRole('button', { name: '导入 JSON' }).click();
    await (
      await chooser
    ).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
    const status = nav.getByRole('status').filter({ hasText: '导出文件' });
    await poll(() => status.innerText()).toContain('这个文件不是 Qwen Desk 的导出文件（它不是 JSON）。');
    expectChinese(await status.innerText());
  });
});
