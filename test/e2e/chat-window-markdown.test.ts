import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  answerWith,
  ask,
  cspViolations,
  openApp,
  poll,
  startRig,
  type ChatWindowRig,
  queueTitle,
} from '../support/chat-window';

const RICH = [
  '# Release notes',
  '',
  'Some **bold**, *italic*, ~~struck~~ and `inline code`. See [the docs](https://example.com/docs).',
  '',
  '| Model | Context |',
  '| --- | ---: |',
  '| qwen-plus | 131072 |',
  '| qwen-max | 32768 |',
  '',
  '- [x] tables',
  '- [ ] math',
  '',
  '```python',
  'def area(r):',
  '    return 3.14159 * r ** 2  # circle',
  '```',
  '',
  'Euler: $e^{i\\pi} + 1 = 0$, and a display formula:',
  '',
  '$$',
  '\\int_0^1 x^2 \\, dx = \\frac{1}{3}',
  '$$',
  '',
  'Prices like $5 and $10 stay text.',
].join('\n');

describe('chat window: streaming Markdown', () => {
  let rig: ChatWindowRig;
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('renders GFM tables, task lists, highlighted code with label and Copy, and KaTeX math under the real CSP', async () => {
    ({ page, context } = await openApp(rig));
    answerWith(rig, RICH, { delayMs: 2 });
    queueTitle(rig);
    const answer = await ask(page, 'Show me everything');

    await poll(() => answer.getByRole('heading', { level: 1 }).innerText()).toBe('Release notes');
    expect(await answer.locator('strong').innerText()).toBe('bold');
    expect(await answer.locator('del').innerText()).toBe('struck');
    // Table with alignment.
    const table = answer.getByRole('table');
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Model', 'Context']);
    expect(await table.getByRole('cell', { name: '131072' }).getAttribute('class')).toBe('align-right');
    // Task list.
    const boxes = answer.getByRole('checkbox');
    expect(await boxes.count()).toBe(2);
    expect(await boxes.nth(0).isChecked()).toBe(true);
    expect(await boxes.nth(1).isChecked()).toBe(false);
    // Code block: label, highlighting (loaded lazily), Copy.
    const code = answer.locator('figure.code-block');
    expect(await code.locator('.code-lang').innerText()).toBe('python');
    await poll(() => code.locator('.hljs-keyword').first().innerText()).toBe('def');
    await code.getByRole('button', { name: 'Copy' }).click();
    await poll(() => code.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'def area(r):\n    return 3.14159 * r ** 2  # circle',
    );
    // Math: KaTeX's own markup, sized through the CSSOM (allowed by style-src 'self').
    await poll(() => answer.locator('.math-inline .katex').count()).toBe(1);
    await poll(() => answer.locator('.math-display .katex-display').count()).toBe(1);
    expect(await answer.locator('.math-display .katex-mathml annotation').textContent()).toContain(
      '\\frac{1}{3}',
    );
    const fracHeight = await answer
      .locator('.math-display .mfrac .vlist')
      .first()
      .evaluate((el) => (el as HTMLElement).style.height);
    expect(fracHeight).toMatch(/em$/);
    // KaTeX's fonts and stylesheet came from the app itself.
    const fontFamily = await answer
      .locator('.math-display .katex')
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(fontFamily).toContain('KaTeX_Main');
    expect(await answer.innerText()).toContain('Prices like $5 and $10 stay text.');
    // Links open outside the app.
    const link = answer.getByRole('link', { name: 'the docs' });
    expect(await link.getAttribute('href')).toBe('https://example.com/docs');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await cspViolations(page)).toEqual([]);
  });

  it('shows Markdown as it streams: finished blocks are formatted while the tail is still arriving', async () => {
    ({ page, context } = await openApp(rig));
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    answerWith(rig, `## Streaming heading\n\n- one\n- two\n\n${words}`, { delayMs: 8 });
    queueTitle(rig);
    await page.getByRole('textbox', { name: 'Message' }).fill('Stream a long paragraph');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('article[data-role="assistant"]');
    await poll(async () => {
      const [status, heading, items] = await Promise.all([
        answer.getAttribute('data-status'),
        answer.getByRole('heading', { level: 2 }).count(),
        answer.getByRole('listitem').count(),
      ]);
      return status === 'streaming' && heading === 1 && items === 2;
    }).toBe(true);
    await poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await answer.locator('.markdown > p').last().innerText()).toContain('w299');
  });
});
