/**
 * "Do not transmit sensitive personal information" (issue 15, item 11): a card number, an ID or the
 * user's own key holds the message with "Send anyway" and "Remove it"; nothing is sent before the
 * choice; ordinary numbers go straight through; a setting turns the check off.
 */
import { describe, expect, it } from 'vitest';
import { answerWith, KEY, openQuick, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

type SentBody = { messages: Array<{ role: string; content: string }> };

describe('the sensitive-content check before sending', () => {
  const suite = useChatWindowRig();

  it('holds a card number until the person chooses; "Remove it" masks it; the own key is caught too', async () => {
    const { page } = await suite.open();
    const rig = suite.rig();
    const box = page.getByRole('textbox', { name: 'Message' });
    const before = rig.fake.streamRequests.length;
    const warning = page.getByRole('alert').filter({ hasText: 'seems to contain' });

    await box.fill('Please pay with my card 4111 1111 1111 1111 today');
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => warning.innerText()).toContain('This message seems to contain a bank card number.');
    expect(await box.inputValue()).toBe('Please pay with my card 4111 1111 1111 1111 today');
    expect(rig.fake.streamRequests.length).toBe(before);
    await warning.getByRole('button', { name: 'Remove it' }).click();
    expect(await box.inputValue()).toBe('Please pay with my card ••••••••1111 today');
    expect(await warning.count()).toBe(0);
    answerWith(rig, 'Noted.');
    queueTitle(rig);
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => rig.fake.streamRequests.length).toBe(before + 1);
    const sent = () => (rig.fake.streamRequests.at(-1)!.body as SentBody).messages.at(-1)!.content;
    expect(sent()).toBe('Please pay with my card ••••••••1111 today');
    await poll(() => page.locator('article[data-role="assistant"]').last().getAttribute('data-status')).toBe(
      'done',
    );

    // The user's own key (only main knows it), with an ID number: both named; "Send anyway" sends it as typed.
    await box.fill(`my key ${KEY} and ID 11010519491231002X`);
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => warning.innerText()).toContain(
      'This message seems to contain your own DashScope API key and a resident ID number.',
    );
    expect(rig.fake.streamRequests.length).toBe(before + 1);
    answerWith(rig, 'Sent anyway.');
    await warning.getByRole('button', { name: 'Send anyway' }).click();
    await poll(() => rig.fake.streamRequests.length).toBe(before + 2);
    expect(sent()).toBe(`my key ${KEY} and ID 11010519491231002X`);
    expect(await box.inputValue()).toBe('');
    await poll(() => page.locator('article[data-role="assistant"]').last().getAttribute('data-status')).toBe(
      'done',
    );

    // Ordinary numbers are not held.
    answerWith(rig, 'Order found.');
    await box.fill('Where is order 1234567890123456, sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b?');
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => rig.fake.streamRequests.length).toBe(before + 3);
    expect(await warning.count()).toBe(0);
  });

  it('checks attached text files too: names the file; "Remove it" masks the file in the tray; "Send anyway" keeps it', async () => {
    const { page } = await suite.open();
    const rig = suite.rig();
    const box = page.getByRole('textbox', { name: 'Message' });
    const warning = page.getByRole('alert').filter({ hasText: 'seems to contain' });
    const attach = async (text: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Attach images' }).click();
      await (
        await chooser
      ).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
      await poll(() => page.getByRole('list', { name: 'Attachments' }).getByRole('listitem').count()).toBe(1);
    };
    const lastSent = () => JSON.stringify((rig.fake.streamRequests.at(-1)!.body as SentBody).messages.at(-1));
    const before = rig.fake.streamRequests.length;

    await attach('Card: 4111 1111 1111 1111\nThanks');
    await box.fill('Summarise the file');
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => warning.innerText()).toContain(
      'This message seems to contain a bank card number. Found in the attached “notes.txt”.',
    );
    expect(rig.fake.streamRequests.length).toBe(before);
    await warning.getByRole('button', { name: 'Remove it' }).click();
    expect(await box.inputValue()).toBe('Summarise the file');
    answerWith(rig, 'A card, masked.');
    queueTitle(rig);
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => rig.fake.streamRequests.length).toBe(before + 1);
    expect(lastSent()).toContain('••••••••1111');
    expect(lastSent()).not.toContain('4111 1111');
    await poll(() => page.locator('article[data-role="assistant"]').last().getAttribute('data-status')).toBe(
      'done',
    );

    // "Send anyway" sends the file as it is, with the question.
    await attach('Card: 4111 1111 1111 1111');
    await box.fill('And this one');
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => warning.count()).toBe(1);
    answerWith(rig, 'Sent as it is.');
    await warning.getByRole('button', { name: 'Send anyway' }).click();
    await poll(() => rig.fake.streamRequests.length).toBe(before + 2);
    expect(lastSent()).toContain('4111 1111 1111 1111');
    expect(lastSent()).toContain('And this one');
    await poll(() => page.getByRole('list', { name: 'Attachments' }).count()).toBe(0);
  });

  it('says it in Chinese, and the setting turns the check off', async () => {
    const { page } = await suite.open({ locale: 'zh-CN' });
    const rig = suite.rig();
    const box = page.getByRole('textbox', { name: '消息' });
    await box.fill('卡号 6212261202011584340');
    await page.getByRole('button', { name: '发送', exact: true }).click();
    const warning = page.getByRole('alert').filter({ hasText: '似乎包含' });
    await poll(() => warning.innerText()).toContain('这条消息似乎包含银行卡号。');
    expect(await warning.getByRole('button', { name: '仍然发送' }).count()).toBe(1);

    await page.getByRole('button', { name: '设置', exact: true }).click();
    const check = page.getByRole('switch', { name: '发送前检查消息中的密钥、身份证号和银行卡号' });
    expect(await check.isChecked()).toBe(true);
    await check.click();
    await poll(() => check.isChecked()).toBe(false);
    await page.getByRole('button', { name: '关闭' }).click();
    const before = rig.fake.streamRequests.length;
    answerWith(rig, '好的。');
    queueTitle(rig);
    await page.getByRole('button', { name: '发送', exact: true }).click();
    await poll(() => rig.fake.streamRequests.length).toBe(before + 1);
    // Back on for the tests that follow in this app.
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await check.click();
    await poll(() => check.isChecked()).toBe(true);
  });

  it('holds it in the quick window too, with its own box', async () => {
    const { context, page: main } = await suite.open();
    await main.close();
    const rig = suite.rig();
    const page = await openQuick(context, rig.app.url);
    const box = page.getByRole('textbox', { name: 'Quick question' });
    const before = rig.fake.streamRequests.length;
    await box.fill('token ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R please');
    await box.press('Enter');
    const warning = page.getByRole('alert').filter({ hasText: 'seems to contain' });
    await poll(() => warning.innerText()).toContain('an API key or access token');
    expect(await box.inputValue()).toBe('token ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R please');
    await warning.getByRole('button', { name: 'Remove it' }).click();
    expect(await box.inputValue()).toBe('token ••••••••7q8R please');
    answerWith(rig, 'Fine.');
    queueTitle(rig);
    await box.press('Enter');
    await poll(() => rig.fake.streamRequests.length).toBe(before + 1);
  });
});
