/**
 * `npm run screenshots`: drives browser mode against the fake DashScope server in real Chromium and
 * saves PNGs of the main window to docs/screenshots/ (the README shows them).
 */
import fs from 'node:fs';
import { FakeDashScope, tokenize } from '../test/fake-dashscope/server';
import { launchChromium } from '../test/support/chromium';
import { startBrowserMode, tempDataDir } from '../test/support/browser-mode';

const outDir = 'docs/screenshots';
fs.mkdirSync(outDir, { recursive: true });

const fake = await new FakeDashScope().start();
const app = await startBrowserMode({
  DASHSCOPE_API_KEY: 'sk-screenshots',
  DASHSCOPE_BASE_URL: fake.baseURL,
  QWEN_DESK_DATA_DIR: tempDataDir(),
});
const browser = await launchChromium();
try {
  for (const locale of ['en-US', 'zh-CN'] as const) {
    const zh = locale === 'zh-CN';
    const context = await browser.newContext({
      locale,
      viewport: { width: 1100, height: 720 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(app.url);
    const question = zh ? '用三句话介绍一下杭州。' : 'Describe Hangzhou in three sentences.';
    const answer = zh
      ? '杭州是浙江省省会，位于中国东南沿海。\n西湖与龙井茶让它闻名天下。\n它也是阿里巴巴的故乡，一座传统与科技交融的城市。'
      : 'Hangzhou is the capital of Zhejiang province, on China’s south-east coast.\nIt is famous for West Lake and Longjing tea.\nIt is also home to Alibaba: a city where tradition meets technology.';
    fake.enqueue({ type: 'stream', tokens: tokenize(answer), delayMs: 5 });
    await page.getByRole('textbox').fill(question);
    await page.keyboard.press('Enter');
    await page.locator('article[data-role="assistant"][data-status="done"]').waitFor();
    const file = `${outDir}/main-window-${zh ? 'zh-CN' : 'en'}.png`;
    await page.screenshot({ path: file });
    console.log(`saved ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await app.stop();
  await fake.close();
}
