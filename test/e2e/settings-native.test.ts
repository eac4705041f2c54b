import { describe, expect, it } from 'vitest';
import { answerWith, ask, poll, queueTitle, useChatWindowRig } from '../support/chat-window';

/**
 * Issue 13, items 2, 4, 5 in Settings: the "Protocol" combobox decides the transport of the next
 * question, "Context cache" (on by default) the cache markers, "Workspace ID" is kept; all in
 * English and Simplified Chinese.
 */
describe('Settings: protocol, context cache, workspace', () => {
  const suite = useChatWindowRig();

  it('"Protocol" and "Context cache" apply to the next question; "Workspace ID" is kept', async () => {
    const { page } = await suite.open();
    await poll(() => page.locator('#model-picker-options option').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const protocol = dialog.getByRole('combobox', { name: 'Protocol' });
    expect(await protocol.inputValue()).toBe('auto');
    expect(await protocol.locator('option').allInnerTexts()).toEqual([
      'Automatic',
      'OpenAI-compatible',
      'DashScope native',
    ]);
    const cache = dialog.getByRole('switch', { name: 'Context cache' });
    expect(await cache.isChecked()).toBe(true);
    const workspace = dialog.getByRole('textbox', { name: 'Workspace ID' });
    await workspace.fill('ws-1a2b3c');
    await workspace.press('Enter');
    await protocol.selectOption('native');
    await poll(() => protocol.inputValue()).toBe('native');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // DashScope native, without web search; a long question is marked for the cache.
    const rig = suite.rig();
    const before = rig.fake.nativeRequests.length;
    answerWith(rig, 'Natively answered.', { promptTokens: 3000, cachedTokens: 2048 });
    queueTitle(rig);
    const long = `Summarise this: ${'West Lake has three causeways. '.repeat(200)}`.trim();
    const answer = await ask(page, long);
    expect(rig.fake.nativeRequests.length).toBe(before + 1);
    const native = rig.fake.nativeRequests.at(-1)!.body as {
      input: { messages: Array<{ content: unknown }> };
    };
    expect(native.input.messages.at(-1)!.content).toEqual([
      { text: long, cache_control: { type: 'ephemeral' } },
    ]);
    expect(await answer.locator('.usage').innerText()).toContain('2,048 cached');

    // Cache off, protocol back to OpenAI-compatible: no markers, the compatible path.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    // A click, then the saved state: the switch shows what main saved, a moment after the click.
    await cache.click();
    await poll(() => cache.isChecked()).toBe(false);
    await protocol.selectOption('compatible');
    await poll(() => protocol.inputValue()).toBe('compatible');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const compatibleBefore = rig.fake.streamRequests.length;
    answerWith(rig, 'Compatibly answered.');
    await ask(page, long);
    expect(rig.fake.streamRequests.length).toBe(compatibleBefore + 1);
    const body = rig.fake.streamRequests.at(-1)!.body as { messages: Array<{ content: unknown }> };
    expect(body.messages.at(-1)!.content).toBe(long);

    // Kept across a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    expect(await dialog.getByRole('textbox', { name: 'Workspace ID' }).inputValue()).toBe('ws-1a2b3c');
    expect(await dialog.getByRole('switch', { name: 'Context cache' }).isChecked()).toBe(false);
  });

  it('speaks Simplified Chinese', async () => {
    const { page } = await suite.open({ locale: 'zh-CN' });
    await page.getByRole('button', { name: '设置', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '设置' });
    expect(await dialog.getByRole('combobox', { name: '协议' }).locator('option').allInnerTexts()).toEqual([
      '自动',
      'OpenAI 兼容',
      'DashScope 原生',
    ]);
    expect(await dialog.getByRole('switch', { name: '上下文缓存' }).count()).toBe(1);
    expect(await dialog.getByRole('textbox', { name: '业务空间 ID' }).count()).toBe(1);
  });
});
