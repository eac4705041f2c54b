import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FakeDashScope } from '../fake-dashscope/server';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';
import { readImageHeader } from '../../electron/shared/image-header';

const KEY = 'sk-e2e-images';
const poll = expect.poll;

describe('image generation in Chromium against browser mode (issue 14)', () => {
  let fake: FakeDashScope;
  let browser: Browser;
  let context: BrowserContext;
  const apps: RunningApp[] = [];

  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(apps.map((a) => a.stop()));
    await fake?.close();
  });
  afterEach(async () => {
    for (const p of context.pages()) await p.close();
    fake.images.hold = false;
  });

  const start = async (dataDir: string) => {
    const app = await startBrowserMode({
      DASHSCOPE_API_KEY: KEY,
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: dataDir,
      // Test-only: the fake's result host is plain http on loopback.
      DASHSCOPE_IMAGE_RESULT_ORIGIN: fake.images.resultOrigin,
    });
    apps.push(app);
    return app;
  };
  const open = async (app: RunningApp) => {
    const page = await context.newPage();
    await page.goto(app.url);
    return page;
  };
  const chooseModel = async (page: Page, id: string) => {
    const picker = page.getByRole('combobox', { name: 'Model' });
    await poll(() => picker.inputValue()).not.toBe('');
    await picker.fill(id);
    await picker.press('Enter');
    await poll(() => picker.inputValue()).toBe(id);
  };
  const answers = (page: Page) => page.locator('article[data-role="assistant"]');
  const results = (article: ReturnType<Page['locator']>) =>
    article.getByRole('list', { name: 'Generated images' }).getByRole('img');
  /** Whether an image element has decoded real pixels (not a broken link). */
  const decoded = (img: ReturnType<Page['locator']>) =>
    img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0);
  const imageRequests = () => fake.requests.filter((r) => /\/services\/aigc\/|\/tasks\//.test(r.path));

  it('generates synchronously, refuses out-of-range options first, saves and edits an image', async () => {
    const page = await open(await start(tempDataDir()));
    await chooseModel(page, 'qwen-image-2.0');
    const prompt = page.getByRole('textbox', { name: 'Image prompt' });
    await prompt.fill('A paper boat on West Lake');
    const size = page.getByRole('combobox', { name: 'Size' });
    const sizes = await size.locator('option').allInnerTexts();
    expect(sizes).toContain('1024 × 1024');
    expect(sizes).toContain('2048 × 2048');
    await size.selectOption('1536*1536');

    // Out of range: the reason is shown and nothing is sent.
    const count = page.getByRole('spinbutton', { name: 'Number of images' });
    await count.fill('7');
    const before = imageRequests().length;
    await page.getByRole('button', { name: 'Generate' }).click();
    await poll(() => page.getByRole('alert').allInnerTexts()).toContain(
      'Qwen-Image-2.0 draws 1 to 6 images per request.',
    );
    expect(imageRequests().length).toBe(before);
    await count.fill('2');
    await page.getByRole('checkbox', { name: 'Watermark' }).check();
    await page.getByRole('checkbox', { name: 'Prompt rewriting' }).uncheck();
    await page.getByRole('button', { name: 'Generate' }).click();

    const answer = answers(page).last();
    await poll(() => results(answer).count(), { timeout: 15_000 }).toBe(2);
    await poll(() => decoded(results(answer).first())).toBe(true);
    // Two images at $0.035 each (the international list): the answer and the conversation say so.
    expect(await answer.innerText()).toContain('2 images · $0.07');
    await poll(() => page.locator('.conversation-cost').innerText()).toBe('≈ $0.07 this conversation');
    const sent = imageRequests().at(-1)!.body as { parameters: Record<string, unknown> };
    expect(sent.parameters).toMatchObject({ size: '1536*1536', n: 2, watermark: true, prompt_extend: false });
    // The question is the prompt, kept in the conversation.
    expect(await page.locator('article[data-role="user"]').last().innerText()).toContain(
      'A paper boat on West Lake',
    );

    // Save image: a download in browser mode, of the kept PNG.
    const download = page.waitForEvent('download');
    await answer.getByRole('button', { name: 'Save image' }).first().click();
    const file = await (await download).path();
    expect(readImageHeader(fs.readFileSync(file))).toMatchObject({
      mime: 'image/png',
      width: 1536,
      height: 1536,
    });

    // Edit this image: an edit model, the image shown as the one to change, an instruction.
    await answer.getByRole('button', { name: 'Edit this image' }).first().click();
    await poll(() => page.getByRole('combobox', { name: 'Model' }).inputValue()).toBe('qwen-image-edit-plus');
    await poll(() => page.getByRole('img', { name: 'Image to edit' }).count()).toBe(1);
    await page.getByRole('textbox', { name: 'Edit instruction' }).fill('Make the boat red');
    await page.getByRole('button', { name: 'Generate' }).click();
    await poll(() => answers(page).count()).toBe(2);
    await poll(() => results(answers(page).last()).count(), { timeout: 15_000 }).toBe(1);
    const edit = imageRequests().at(-1)!.body as {
      model: string;
      input: { messages: Array<{ content: Array<{ image?: string; text?: string }> }> };
    };
    expect(edit.model).toBe('qwen-image-edit-plus');
    expect(edit.input.messages[0]!.content[0]!.image).toMatch(/^data:image\/png;base64,/);
    expect(edit.input.messages[0]!.content[1]).toEqual({ text: 'Make the boat red' });

    // Moderation: said in words, nothing billed, the prompt kept in the conversation.
    await chooseModel(page, 'qwen-image-max');
    await page.getByRole('textbox', { name: 'Image prompt' }).fill('moderation please');
    await page.getByRole('button', { name: 'Generate' }).click();
    await poll(() => answers(page).count()).toBe(3);
    const refused = answers(page).last();
    await poll(() => refused.getByRole('alert').innerText()).toContain(
      'Qwen’s content safety check refused this image.',
    );
    expect(await refused.innerText()).toContain('nothing is billed');
    expect(await page.locator('article[data-role="user"]').last().innerText()).toContain('moderation please');
  });

  it('generates asynchronously: Queued with Cancel, then Drawing…, then the image and the rewritten prompt', async () => {
    const page = await open(await start(tempDataDir()));
    await chooseModel(page, 'qwen-image');
    expect(await page.getByRole('combobox', { name: 'Size' }).locator('option').allInnerTexts()).toEqual([
      '1664 × 928',
      '1472 × 1104',
      '1328 × 1328',
      '1104 × 1472',
      '928 × 1664',
    ]);
    // qwen-image draws exactly one image.
    await page.getByRole('spinbutton', { name: 'Number of images' }).fill('2');
    await poll(() => page.getByRole('alert').allInnerTexts()).toContain(
      'Qwen-Image draws exactly 1 image per request.',
    );
    await page.getByRole('spinbutton', { name: 'Number of images' }).fill('1');

    fake.images.hold = true;
    await page.getByRole('textbox', { name: 'Image prompt' }).fill('Lanterns at dusk');
    await page.getByRole('button', { name: 'Generate' }).click();
    const first = answers(page).last();
    await poll(() => first.getByRole('status').innerText(), { timeout: 10_000 }).toContain('Queued');
    await first.getByRole('button', { name: 'Cancel' }).click();
    await poll(() => first.getByRole('status').innerText()).toContain('Cancelled');
    expect(imageRequests().some((r) => r.path.endsWith('/cancel'))).toBe(true);
    expect(await first.innerText()).toContain('nothing is billed');
    await poll(() => page.locator('.conversation-cost').innerText()).toBe('≈ $0.00 this conversation');

    fake.images.hold = false;
    await page.getByRole('textbox', { name: 'Image prompt' }).fill('Lanterns over the lake');
    await page.getByRole('button', { name: 'Generate' }).click();
    await poll(() => answers(page).count()).toBe(2);
    const second = answers(page).last();
    await poll(() => second.getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/Drawing… \d+ s/);
    await poll(() => results(second).count(), { timeout: 20_000 }).toBe(1);
    expect(await second.innerText()).toContain(
      'Rewritten prompt: Lanterns over the lake, rich detail, soft light',
    );
  });

  it('keeps a task across a restart (resumed on the next start) and the image after its link expired', async () => {
    const dataDir = tempDataDir();
    const downloadsBefore = fake.images.downloads.length;
    let app = await start(dataDir);
    let page = await open(app);
    await chooseModel(page, 'wan2.2-t2i-flash');
    fake.images.hold = true;
    await page.getByRole('textbox', { name: 'Image prompt' }).fill('Snow on the Broken Bridge');
    await page.getByRole('button', { name: 'Generate' }).click();
    await poll(() => answers(page).last().getByRole('status').innerText(), { timeout: 10_000 }).toContain(
      'Queued',
    );
    await page.close();
    await app.stop();

    fake.images.hold = false;
    app = await start(dataDir);
    page = await open(app);
    const nav = page.getByRole('navigation', { name: 'Conversations' });
    await nav.getByRole('button', { name: 'Snow on the Broken Bridge', exact: true }).click();
    await poll(() => results(answers(page).last()).count(), { timeout: 20_000 }).toBe(1);
    await page.close();
    await app.stop();

    // A day later: the link is dead, the picture is still here.
    fake.images.expireLinks();
    app = await start(dataDir);
    page = await open(app);
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: 'Snow on the Broken Bridge', exact: true })
      .click();
    const img = results(answers(page).last()).first();
    await poll(() => decoded(img)).toBe(true);
    // Downloaded once, when it was ready; never fetched again (its link is dead now anyway).
    expect(fake.images.downloads.slice(downloadsBefore).map((d) => d.status)).toEqual([200]);
  });
});
