/**
 * Deleting is undoable (issue 15, item 4): a question's Delete says what will go, hides it and
 * what follows at once, offers Undo for 10 seconds, and a new question carries the delete out first
 * (so it is never parented to rows about to go).
 */
import { describe, expect, it } from 'vitest';
import { answerWith, ask, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

type SentBody = { messages: Array<{ role: string; content: string }> };

describe('undoable deletes', () => {
  const suite = useChatWindowRig();

  it('names what will go, hides it, brings it back with Undo, and deletes it before the next question', async () => {
    const { page } = await suite.open();
    const rig = suite.rig();
    answerWith(rig, 'First answer.');
    queueTitle(rig);
    await ask(page, 'First question');
    answerWith(rig, 'Second answer.');
    await ask(page, 'Second question');
    answerWith(rig, 'Third answer.');
    await ask(page, 'Third question');
    const articles = page.locator('article');
    expect(await articles.count()).toBe(6);

    const firstQuestion = page.locator('article[data-role="user"]').first();
    const del = firstQuestion.getByRole('button', { name: 'Delete this question and its 5 replies' });
    expect(await del.count()).toBe(1);
    expect(
      await page
        .locator('article[data-role="assistant"]')
        .last()
        .getByRole('button', { name: 'Delete this answer', exact: true })
        .count(),
    ).toBe(1);

    await del.click();
    await poll(() => articles.count()).toBe(0);
    const notice = page.getByRole('status').filter({ hasText: 'Deleted 6 messages' });
    expect(await notice.innerText()).toContain('Undo');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await poll(() => articles.count()).toBe(6);
    expect(await page.locator('article[data-role="user"]').allInnerTexts()).toEqual([
      expect.stringContaining('First question'),
      expect.stringContaining('Second question'),
      expect.stringContaining('Third question'),
    ]);

    // Delete again, and ask: the delete is carried out first, so Qwen sees only the new question.
    await page
      .locator('article[data-role="user"]')
      .first()
      .getByRole('button', { name: /^Delete this question/ })
      .click();
    await poll(() => articles.count()).toBe(0);
    answerWith(rig, 'A fresh answer.');
    await ask(page, 'A fresh question');
    const sent = rig.fake.streamRequests.at(-1)!.body as SentBody;
    expect(sent.messages.map((m) => m.content)).toEqual(['A fresh question']);
    expect(await notice.count()).toBe(0);
    await page.reload();
    await poll(() => page.locator('article').count()).toBe(2);
    expect(await page.locator('article[data-role="user"]').innerText()).toContain('A fresh question');
  });

  it('says what will go in Chinese', async () => {
    const { page } = await suite.open({ locale: 'zh-CN' });
    answerWith(suite.rig(), '回答。');
    queueTitle(suite.rig());
    await page.getByRole('textbox', { name: '消息' }).fill('问题');
    await page.getByRole('button', { name: '发送' }).click();
    await poll(() => page.locator('article[data-role="assistant"]').getAttribute('data-status')).toBe('done');
    const question = page.locator('article[data-role="user"]').first();
    expect(await question.getByRole('button', { name: '删除这个问题及其回复' }).count()).toBe(1);
    await question.getByRole('button', { name: '删除这个问题及其回复' }).click();
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: '已删除 2 条消息' })
        .getByRole('button', { name: '撤销' })
        .count(),
    ).toBe(1);
  });
});
