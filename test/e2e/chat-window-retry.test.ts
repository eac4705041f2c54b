import { describe, expect, it } from 'vitest';
import { answerWith, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

/** Issue 6, item 7: the engine's retries seen in the chat window. */
describe('chat window: retries', () => {
  const suite = useChatWindowRig();

  it('shows "Retrying in N s (attempt k of n)" while the engine waits, then the answer', async () => {
    const opened = await suite.open();
    const page = opened.page;
    // Overloaded before the first token: retried (default: 2 retries, so 3 attempts), after the
    // 2 s the server asks for in Retry-After. The countdown names the attempt that comes next.
    suite.rig().fake.enqueue({
      type: 'error',
      status: 503,
      headers: { 'retry-after': '2' },
      error: {
        message: 'The service is temporarily overloaded.',
        type: 'ServiceUnavailable',
        code: 'ServiceUnavailable',
      },
    });
    answerWith(suite.rig(), 'Here after a retry.');
    queueTitle(suite.rig());
    const before = suite.rig().fake.streamRequests.length;
    await page.getByRole('textbox', { name: 'Message' }).fill('Are you there?');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('article[data-role="assistant"]');
    const countdown = answer.locator('.retrying');
    await poll(() => countdown.count()).toBe(1);
    expect(await countdown.getAttribute('role')).toBe('status');
    const first = await countdown.innerText();
    expect(first).toMatch(/^Retrying in [12] s \(attempt 2 of 3\)… /);
    // It counts down.
    if (first.startsWith('Retrying in 2 s'))
      await poll(() => countdown.innerText()).toMatch(/^Retrying in 1 s \(attempt 2 of 3\)/);
    await poll(() => answer.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    expect(await answer.innerText()).toContain('Here after a retry.');
    expect(await countdown.count()).toBe(0);
    expect(await answer.getByRole('alert').count()).toBe(0);
    expect(suite.rig().fake.streamRequests.length - before).toBe(2);
  });

  it('gives up after the last attempt and shows the error with Retry', async () => {
    const opened = await suite.open();
    const page = opened.page;
    const overloaded = {
      type: 'error' as const,
      status: 429,
      headers: { 'retry-after': '0' },
      error: {
        message: 'Requests rate limit exceeded, please try again later.',
        type: 'Throttling',
        code: 'Throttling.RateQuota',
      },
    };
    suite.rig().fake.enqueue(overloaded, overloaded, overloaded);
    await page.getByRole('textbox', { name: 'Message' }).fill('Busy?');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('article[data-role="assistant"]');
    await poll(() => answer.getAttribute('data-status'), { timeout: 15_000 }).toBe('error');
    const alert = answer.getByRole('alert');
    expect(await alert.innerText()).toContain('rate limit');
    expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    expect(await answer.locator('.retrying').count()).toBe(0);
  });
});
