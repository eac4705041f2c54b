/**
 * `npm run screenshots` (second part, issue 10): a question about a photo in the main window — the sent photo's thumbnail, the answer, and two more attachments
 * waiting in the composer with their size and token cost. Saved as docs/screenshots/images-en.png.
 * English by default (`LOCALES=en-US,zh-CN` adds images-zh-CN.png where a CJK font is installed;
 * this machine has none, and a shot of empty boxes helps no one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeDashScope, tokenize } from '../test/fake-dashscope/server';
import { launchChromium } from '../test/support/chromium';
import { startBrowserMode, tempDataDir } from '../test/support/browser-mode';
import { makeImageFixtures } from '../test/support/image-fixtures';
import { dropFiles, pasteFiles } from '../test/support/attachments';

const outDir = 'docs/screenshots';
fs.mkdirSync(outDir, { recursive: true });

const text = {
  en: {
    q: 'What is in this photo, and where might it have been taken?',
    a: 'A lake at dusk: a pagoda on the far shore, willows on the left and low hills behind — very likely **West Lake in Hangzhou**, seen from the Su Causeway.',
    next: 'Compare it with this screenshot and my notes.',
  },
  zh: {
    q: '这张照片里有什么？可能是在哪里拍的？',
    a: '黄昏时分的湖面：对岸有一座塔，左边是垂柳，后面是低矮的群山——很可能是从苏堤望去的**杭州西湖**。',
    next: '和这张截图以及我的笔记对比一下。',
  },
};

const fake = await new FakeDashScope({ models: ['qwen-plus', 'qwen3-vl-plus'] }).start();
const browser = await launchChromium();
const fixtures = await makeImageFixtures(browser);
const scenery = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-shot-')), 'west-lake.jpg');
{
  const page = await browser.newPage();
  const base64 = await page.evaluate(async () => {
    const c = new OffscreenCanvas(2400, 1600);
    const g = c.getContext('2d')!;
    const sky = g.createLinearGradient(0, 0, 0, 1000);
    sky.addColorStop(0, '#f6b26b');
    sky.addColorStop(1, '#fde9c9');
    g.fillStyle = sky;
    g.fillRect(0, 0, 2400, 1000);
    g.fillStyle = '#7a8aa0';
    g.beginPath();
    g.moveTo(0, 900);
    [
      [300, 640],
      [700, 820],
      [1100, 600],
      [1600, 800],
      [2000, 660],
      [2400, 860],
    ].forEach(([x, y]) => g.lineTo(x!, y!));
    g.lineTo(2400, 1000);
    g.lineTo(0, 1000);
    g.fill();
    g.fillStyle = '#5b4636';
    g.fillRect(1500, 700, 40, 260);
    for (let i = 0; i < 6; i++) g.fillRect(1480 - i * 2, 700 + i * 45, 80 + i * 4, 10);
    const water = g.createLinearGradient(0, 1000, 0, 1600);
    water.addColorStop(0, '#c9a27a');
    water.addColorStop(1, '#3d5a73');
    g.fillStyle = water;
    g.fillRect(0, 1000, 2400, 600);
    g.strokeStyle = '#3f6b3a';
    g.lineWidth = 6;
    for (let i = 0; i < 40; i++) {
      g.beginPath();
      g.moveTo(120 + i * 6, 300);
      g.quadraticCurveTo(60 + i * 9, 700, 100 + i * 7, 1050);
      g.stroke();
    }
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const b = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
    return btoa(s);
  });
  fs.writeFileSync(scenery, Buffer.from(base64, 'base64'));
  await page.close();
}

try {
  // 简体中文 too where a CJK font is installed: LOCALES=en-US,zh-CN.
  const locales = (process.env.LOCALES ?? 'en-US').split(',') as Array<'en-US' | 'zh-CN'>;
  for (const locale of locales) {
    const t = locale === 'zh-CN' ? text.zh : text.en;
    const app = await startBrowserMode({
      DASHSCOPE_API_KEY: 'sk-screenshots',
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: tempDataDir(),
    });
    try {
      const page = await browser.newPage({ locale, viewport: { width: 1280, height: 820 } });
      // This script runs through a TypeScript loader that wraps named functions in `__name(…)`.
      await page.addInitScript('window.__name = (f) => f;');
      await page.goto(app.url);
      const picker = page.getByRole('combobox');
      await picker.fill('qwen3-vl-plus');
      await picker.press('Enter');
      await dropFiles(page, [scenery]);
      await page.locator('.attachment-chip[data-status="ready"]').waitFor();
      fake.enqueue({ type: 'stream', tokens: tokenize(t.a), delayMs: 1 });
      fake.enqueue({ type: 'completion', content: locale === 'zh-CN' ? '西湖照片' : 'West Lake photo' });
      await page.getByRole('textbox').fill(t.q);
      await page.keyboard.press('Enter');
      await page.locator('article[data-role="assistant"][data-status="done"]').waitFor();
      await page.locator('.message-thumb img').evaluate((img: HTMLImageElement) => img.decode());
      await pasteFiles(page, [fixtures.screenshot]);
      await dropFiles(page, [fixtures.notes]);
      await page.getByRole('textbox').fill(t.next);
      await page.waitForFunction(
        () => document.querySelectorAll('.attachment-chip[data-status="ready"]').length === 2,
      );
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(outDir, `images-${locale === 'zh-CN' ? 'zh-CN' : 'en'}.png`) });
      await page.close();
    } finally {
      await app.stop();
    }
  }
} finally {
  await browser.close();
  await fake.close();
  fs.rmSync(fixtures.dir, { recursive: true, force: true });
}
