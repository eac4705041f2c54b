/**
 * `npm run screenshots`: drives browser mode against the fake DashScope server in real Chromium and
 * saves PNGs of the main window to docs/screenshots/ (the README shows them): English and
 * Simplified Chinese, light and dark, a long answer with code and math, and a thinking answer.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { FakeDashScope, tokenize } from '../test/fake-dashscope/server';
import { launchChromium } from '../test/support/chromium';
import { startBrowserMode, tempDataDir } from '../test/support/browser-mode';

const outDir = 'docs/screenshots';
fs.mkdirSync(outDir, { recursive: true });

/** The long answer, with its prose in the screenshot's language. */
function longAnswer(t: {
  title: string;
  integral: string;
  numeric: string;
  doc: string;
  header: string;
  checks: [string, string];
}) {
  return [
    `## ${t.title}`,
    '',
    t.integral,
    '',
    '$$',
    '\\int_0^a x^2 \\, dx = \\frac{a^3}{3}',
    '$$',
    '',
    t.numeric,
    '',
    '```python',
    'import numpy as np',
    '',
    'def area(a: float, n: int = 1_000) -> float:',
    `    """${t.doc}"""`,
    '    x = np.linspace(0, a, n)',
    '    return np.trapz(x ** 2, x)',
    '',
    'print(area(3))  # ≈ 9.0',
    '```',
    '',
    t.header,
    '| -: | -: | -: |',
    '| 1 | 0.333 | 0.333 |',
    '| 3 | 9.000 | 9.000 |',
    '',
    `- [x] ${t.checks[0]}`,
    `- [x] ${t.checks[1]}`,
  ].join('\n');
}

const content = {
  en: {
    thinkQ: 'Is 1,001 a prime number?',
    reasoning:
      'Check small primes. 1001 / 7 = 143, so 7 divides it. 143 = 11 × 13. So 1001 = 7 × 11 × 13, not prime.',
    thinkA: 'No. **1,001 = 7 × 11 × 13**, so it is not prime.',
    longQ: 'Show me how to compute the area under x² in Python, with the maths.',
    longA: longAnswer({
      title: 'Area under $x^2$',
      integral: 'The definite integral from $0$ to $a$ is',
      numeric: 'Numerically, with the trapezoidal rule:',
      doc: 'Area under x**2 from 0 to a.',
      header: '| a | exact $a^3/3$ | trapezoid |',
      checks: ['closed form', 'numeric check'],
    }),
  },
  zh: {
    thinkQ: '1001 是质数吗？',
    reasoning:
      '先试小质数。1001 ÷ 7 = 143，所以 7 能整除。143 = 11 × 13。因此 1001 = 7 × 11 × 13，不是质数。',
    thinkA: '不是。**1001 = 7 × 11 × 13**，所以它不是质数。',
    longQ: '用 Python 计算 x² 曲线下的面积，并给出数学推导。',
    longA: longAnswer({
      title: '$x^2$ 曲线下的面积',
      integral: '从 $0$ 到 $a$ 的定积分为',
      numeric: '用梯形法数值验证：',
      doc: 'x**2 在 0 到 a 之间的面积。',
      header: '| a | 精确值 $a^3/3$ | 梯形法 |',
      checks: ['解析解', '数值验证'],
    }),
  },
};

const fake = await new FakeDashScope().start();

const browser = await launchChromium();
const apps: Array<{ stop(): Promise<unknown> }> = [];

async function ask(page: Page, question: string) {
  await page.getByRole('textbox').fill(question);
  await page.keyboard.press('Enter');
  const count = await page.locator('article[data-role="assistant"][data-status="done"]').count();
  await page.locator('article[data-role="assistant"][data-status="done"]').nth(count).waitFor();
}

/** Waits for lazy parts (KaTeX, highlighting) to have painted. */
async function settle(page: Page) {
  await page.waitForFunction(
    () => !document.querySelector('.math-source') && !!document.querySelector('.hljs'),
  );
  await page.waitForTimeout(300);
}

try {
  for (const locale of ['en-US', 'zh-CN'] as const) {
    // Each language gets its own data folder, so its sidebar holds only its own conversations.
    const app = await startBrowserMode({
      DASHSCOPE_API_KEY: 'sk-screenshots',
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: tempDataDir(),
    });
    apps.push(app);
    for (const colorScheme of ['light', 'dark'] as const) {
      const zh = locale === 'zh-CN';
      const c = zh ? content.zh : content.en;
      const context = await browser.newContext({
        locale,
        colorScheme,
        viewport: { width: 1100, height: 760 },
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      await page.goto(app.url);
      fake.enqueue({
        type: 'stream',
        reasoning: tokenize(c.reasoning),
        tokens: tokenize(c.thinkA),
        delayMs: 30,
        promptTokens: 24,
      });
      // The title a model gives the conversation after its first answer.
      fake.enqueue({ type: 'completion', content: zh ? '1001 是不是质数' : 'Is 1,001 prime?' });
      await ask(page, c.thinkQ);
      fake.enqueue({ type: 'stream', tokens: tokenize(c.longA), delayMs: 2, promptTokens: 61 });
      await ask(page, c.longQ);
      await settle(page);
      const suffix = `${zh ? 'zh-CN' : 'en'}${colorScheme === 'dark' ? '-dark' : ''}`;
      const file = `${outDir}/main-window-${suffix}.png`;
      await page.screenshot({ path: file });
      console.log(`saved ${file}`);

      if (colorScheme === 'light') {
        // The thinking answer, with its reasoning opened.
        const thinking = page.locator('article[data-role="assistant"]').first();
        await thinking.getByRole('button', { name: zh ? /思考过程/ : /^Thinking/ }).click();
        await thinking.scrollIntoViewIfNeeded();
        await page.getByRole('log').evaluate((el) => (el.scrollTop = 0));
        await page.waitForTimeout(200);
        const thinkFile = `${outDir}/thinking-${zh ? 'zh-CN' : 'en'}.png`;
        await page.screenshot({ path: thinkFile });
        console.log(`saved ${thinkFile}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const app of apps) await app.stop();
  await fake.close();
}
