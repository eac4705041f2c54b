/**
 * Model output is untrusted. This corpus of HTML and Markdown attacks is streamed from the fake
 * DashScope server into the answer, the thinking section and the question, and must leave no trace
 * of execution: no flag set, no dialog, no live element that could run or load anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../fake-dashscope/server';
import {
  cspViolations,
  openApp,
  poll,
  startRig,
  type ChatWindowRig,
  queueTitle,
} from '../support/chat-window';

const hit = 'window.__xss=(window.__xss||0)+1;alert(1)';

const CORPUS = [
  `<script>${hit}</script>`,
  `<SCRIPT SRC=//127.0.0.1/x.js></SCRIPT>`,
  `<img src=x onerror="${hit}">`,
  `<svg onload="${hit}"><circle r=5 /></svg>`,
  `<svg><script>${hit}</script></svg>`,
  `<iframe src="javascript:${hit}"></iframe>`,
  `<iframe srcdoc="<script>parent.${hit}</script>"></iframe>`,
  `<object data="data:text/html,<script>${hit}</script>"></object>`,
  `<embed src="javascript:${hit}">`,
  `<a href="javascript:${hit}">html link</a>`,
  `<details open ontoggle="${hit}">x</details>`,
  `<body onload="${hit}">`,
  `<div style="background:url(javascript:${hit})" onmouseover="${hit}">hover</div>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${hit}">`,
  `<form action="javascript:${hit}"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${hit}">`,
  `<base href="javascript:/">`,
  `[md link](javascript:${hit})`,
  `[mixed case](JaVaScRiPt:${hit})`,
  `[entity](&#106;avascript:${hit})`,
  `[tab](java\tscript:${hit})`,
  `[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![img trick](javascript:${hit})`,
  `![data img](data:image/svg+xml,<svg onload="${hit}"/>)`,
  `[ref link][evil]\n\n[evil]: javascript:${hit}`,
  `<javascript:${hit}>`,
  '```html\n<script>' + hit + '</script>\n<img src=x onerror="' + hit + '">\n```',
  `Inline \`<img src=x onerror="${hit}">\` code.`,
  `Math $\\href{javascript:${hit}}{click}$ and $\\htmlClass{x}{y}$ and $\\url{javascript:alert(1)}$.`,
  `| a | b |\n| - | - |\n| <img src=x onerror="${hit}"> | [x](javascript:${hit}) |`,
  `- [ ] <input onfocus="${hit}" autofocus>`,
].join('\n\n');

describe('XSS corpus streamed as model output', () => {
  let rig: ChatWindowRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('leaves no trace of execution in the answer, the thinking section or the question', async () => {
    const { page, context, dialogs } = await openApp(rig);
    rig.fake.enqueue({
      type: 'stream',
      reasoning: tokenize(`Thinking about <img src=x onerror="${hit}"> and [x](javascript:${hit})`),
      tokens: tokenize(CORPUS),
      delayMs: 1,
    });
    queueTitle(rig);
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill(`<img src=x onerror="${hit}"> [q](javascript:${hit})`);
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('article[data-role="assistant"]');
    await poll(() => answer.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    // Let lazy parts (KaTeX, highlighting) finish and anything scheduled run.
    await poll(() => answer.locator('.hljs').count()).toBe(1);
    await answer.getByRole('button', { name: /^Thinking/ }).click();
    await page.waitForTimeout(500);
    await answer.hover();

    const log = page.getByRole('log', { name: 'Messages' });
    // The attack text is still there to read, as text.
    expect(await answer.innerText()).toContain('<script>');
    expect(await answer.innerText()).toContain('onerror=');

    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const live = await log.evaluate((root) => {
      const found: string[] = [];
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (
          [
            'script',
            'iframe',
            'object',
            'embed',
            'img',
            'form',
            'meta',
            'base',
            'style',
            'details',
            'body',
          ].includes(tag)
        )
          found.push(`<${tag}>`);
        if (tag === 'svg' && !el.closest('.katex')) found.push('<svg> outside KaTeX');
        if (tag === 'input' && (el as HTMLInputElement).type !== 'checkbox') found.push('<input>');
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
          if (attr.name === 'style' && /url\(/i.test(attr.value)) found.push(`${tag}[style url()]`);
        }
        const href = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action');
        if (href !== null && !/^(https?|mailto):/i.test(href)) found.push(`${tag}[href=${href}]`);
      }
      return found;
    });
    expect(live).toEqual([]);
    expect(await page.locator('iframe, object, embed').count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    // KaTeX's \href stayed inert (trust is off).
    expect(await answer.locator('.katex a').count()).toBe(0);
    await context.close();
  });
});
