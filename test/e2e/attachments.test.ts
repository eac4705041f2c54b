/**
 * Issue 10 end to end: images dropped, pasted and picked in Chromium, fitted in the page's worker,
 * shown as chips with their size and token cost, sent as `image_url` parts, and decoded by the fake
 * DashScope server, which says what arrived (size, type, EXIF, GPS); thumbnails, the viewer, a
 * restart; refusals with the composer's text intact; the non-vision switch.
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FakeDashScope, tokenize } from '../fake-dashscope/server';
import type { ReceivedImage } from '../fake-dashscope/images';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';
import { makeImageFixtures, type ImageFixtures } from '../support/image-fixtures';
import { decodeInPage, dropFiles, pasteFiles } from '../support/attachments';

const KEY = 'sk-e2e-images';
/** The token formula of qwen-api.md §4 for 32-px models, written out independently of the app. */
const formula = (w: number, h: number) => (w * h) / (32 * 32) + 2;
const tokensIn = (text: string) => Number(/≈([\d,]+) tokens/.exec(text)?.[1]?.replace(/,/g, ''));

describe('images in questions (issue 10)', () => {
  let fake: FakeDashScope;
  let browser: Browser;
  let fixtures: ImageFixtures;
  let page: Page | undefined;
  const apps: RunningApp[] = [];

  beforeAll(async () => {
    fake = await new FakeDashScope({
      validKeys: [KEY],
      models: ['qwen-plus', 'qwen3-vl-plus', 'qwen-vl-max'],
    }).start();
    browser = await launchChromium();
    fixtures = await makeImageFixtures(browser);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
    if (fixtures) fs.rmSync(fixtures.dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    fake.clearQueue();
    await page?.context().close();
    page = undefined;
    for (const app of apps.splice(0)) await app.stop();
  });

  const start = async (dataDir = tempDataDir()) => {
    const app = await startBrowserMode({
      DASHSCOPE_API_KEY: KEY,
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: dataDir,
    });
    apps.push(app);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 800 } });
    // The worker, blob: thumbnails and /attachment/ images all within the app's CSP.
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page = await context.newPage();
    await page.goto(app.url);
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    // These tests start on a model that cannot see (the app's default, Qwen3.5-Plus, can), chosen
    // once the new chat has taken Settings' defaults.
    const picker = page.getByRole('combobox', { name: 'Model' });
    await expect.poll(() => picker.inputValue()).toBe('qwen3.5-plus');
    await picker.fill('qwen-plus');
    await picker.press('Enter');
    await page.getByRole('textbox', { name: 'Message' }).focus();
    await expect.poll(() => picker.inputValue()).toBe('qwen-plus');
    return { app, page, dataDir };
  };
  const chips = (p: Page) => p.getByRole('list', { name: 'Attachments' }).getByRole('listitem');
  const chip = (p: Page, name: string) => chips(p).filter({ hasText: name });
  const ready = async (p: Page, name: string) => {
    await chip(p, name).filter({ hasText: 'tokens' }).waitFor({ timeout: 30_000 });
    return (await chip(p, name).textContent()) ?? '';
  };
  const sendAndWait = async (p: Page) => {
    const before = fake.streamRequests.length;
    await p.getByRole('button', { name: 'Send' }).click();
    await p.locator('article[data-role="assistant"][data-status="done"]').last().waitFor({ timeout: 30_000 });
    await expect.poll(() => fake.streamRequests.length).toBe(before + 1);
    return fake.streamRequests.at(-1)!;
  };
  const switchToVision = async (p: Page) => {
    await p.getByRole('button', { name: 'Switch to Qwen3-VL-Plus' }).click();
  };

  it('drops a 24-MP photo: fitted upright without EXIF, its cost shown first, refused on a model that cannot see until switched', async () => {
    const { page: p } = await start();
    const box = p.getByRole('textbox', { name: 'Message' });
    await box.fill('What is in this photo?');
    await dropFiles(p, [fixtures.photo], { hold: true });
    await expect.poll(() => p.getByText('Drop images to ask about them').isVisible()).toBe(true);
    await dropFiles(p, [fixtures.photo]);
    await expect.poll(() => p.getByText('Drop images to ask about them').count()).toBe(0);
    const text = await ready(p, 'photo.jpg');
    expect(await chips(p).count()).toBe(1); // the held drag never dropped; the drop added one
    // A second copy, removed again by its button.
    await dropFiles(p, [fixtures.photo]);
    await expect.poll(() => chips(p).count()).toBe(2);
    await chips(p).last().getByRole('button', { name: 'Remove photo.jpg' }).click();
    await expect.poll(() => chips(p).count()).toBe(1);

    // 6000×4000 turned upright is 4000×6000; into 2,621,440 px with 32-px sides.
    expect(text).toContain('1312 × 1952');
    expect(tokensIn(text)).toBe(formula(1312, 1952));

    // Qwen-Plus cannot see: said on the chip row, and sending is refused with the text kept.
    await expect.poll(() => p.getByText('Qwen-Plus cannot see images.').count()).toBeGreaterThan(0);
    const sent = fake.streamRequests.length;
    await p.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => p.getByRole('alert').filter({ hasText: 'cannot see images' }).count()).toBe(1);
    expect(await box.inputValue()).toBe('What is in this photo?');
    expect(fake.streamRequests.length).toBe(sent);

    await switchToVision(p);
    fake.enqueue({ type: 'stream', tokens: tokenize('A red and blue picture.'), delayMs: 1 });
    fake.enqueue({ type: 'completion', content: 'Photo question' });
    const request = await sendAndWait(p);
    const image = request.images![0]!;
    expect(image).toMatchObject({
      mime: 'image/jpeg',
      width: 1312,
      height: 1952,
      exif: false,
      gps: false,
      maxPixels: 2_621_440,
    });
    expect(image.dataUrl.length).toBeLessThanOrEqual(10_485_760);
    // Images first, then the question.
    const body = request.body as {
      messages: Array<{ role: string; content: Array<{ type: string; text?: string }> }>;
    };
    const question = body.messages.at(-1)!;
    expect(question.content.map((c) => c.type)).toEqual(['image_url', 'text']);
    expect(question.content[1]!.text).toBe('What is in this photo?');

    // Upright: the stored top-left red quadrant is now at the top right.
    const scratch = await browser.newPage();
    const seen = await decodeInPage(scratch, image.dataUrl, [
      [0.75, 0.25],
      [0.25, 0.25],
      [0.75, 0.75],
    ]);
    await scratch.close();
    const [topRight, topLeft, bottomRight] = seen.colors;
    expect(topRight![0]).toBeGreaterThan(150);
    expect(topRight![2]).toBeLessThan(120);
    expect(topLeft![2]).toBeGreaterThan(150);
    expect(bottomRight![2]).toBeGreaterThan(150);

    // The question shows its thumbnail, which opens the viewer; Esc closes it.
    const thumb = p.locator('article[data-role="user"]').getByRole('img', { name: 'photo.jpg' });
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1312);
    await thumb.click();
    const viewer = p.getByRole('dialog', { name: 'Image viewer' });
    await viewer.waitFor();
    await p.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  }, 120_000);

  it('"High resolution" fits to the 16,777,216-px cap and sends vl_high_resolution_images', async () => {
    const { page: p } = await start();
    await switchToVisionByTyping(p);
    await p.getByRole('button', { name: 'Conversation settings' }).click();
    const panel = p.getByRole('dialog', { name: 'Conversation settings' });
    await panel.getByRole('switch', { name: 'High resolution' }).check();
    await p.keyboard.press('Escape');
    await dropFiles(p, [fixtures.photo]);
    const text = await ready(p, 'photo.jpg');
    expect(text).toContain('3328 × 4992');
    expect(tokensIn(text)).toBe(formula(3328, 4992));
    await p.getByRole('textbox', { name: 'Message' }).fill('Read the small print.');
    fake.enqueue({ type: 'stream', tokens: tokenize('Tiny text.'), delayMs: 1 });
    fake.enqueue({ type: 'completion', content: 'Small print' });
    const request = await sendAndWait(p);
    expect((request.body as { vl_high_resolution_images?: boolean }).vl_high_resolution_images).toBe(true);
    expect(request.images![0]).toMatchObject({
      width: 3328,
      height: 4992,
      exif: false,
      maxPixels: 16_777_216,
    });
    expect(request.images![0]!.dataUrl.length).toBeLessThanOrEqual(10_485_760);
  }, 120_000);

  it('refuses what is not an image, naming each file, and leaves the typed text alone', async () => {
    const { page: p } = await start();
    const box = p.getByRole('textbox', { name: 'Message' });
    await box.fill('keep me exactly');
    await dropFiles(p, [
      fixtures.svg,
      fixtures.pdf,
      fixtures.emptyPng,
      fixtures.truncatedJpeg,
      fixtures.tinyPng,
      fixtures.tallPng,
      fixtures.heic,
    ]);
    const alert = p.getByRole('alert').filter({ hasText: 'drawing.svg' });
    await expect.poll(() => alert.locator('li').count(), { timeout: 20_000 }).toBe(7);
    const said = (await alert.textContent()) ?? '';
    expect(said).toContain('“drawing.svg” is an SVG image');
    expect(said).toContain('“report.pdf” is not an image');
    expect(said).toContain('“empty.png” is empty');
    expect(said).toContain('“cut.jpg” could not be read as an image');
    expect(said).toContain('“tiny.png” is too small');
    expect(said).toContain('“tall.png” is too long and thin');
    expect(said).toContain(
      '“IMG_0001.HEIC” is a HEIC photo, which Qwen Desk cannot read yet. Convert it to JPEG first',
    );
    expect(await p.getByRole('list', { name: 'Attachments' }).count()).toBe(0);
    expect(await box.inputValue()).toBe('keep me exactly');
  }, 60_000);

  it('pastes one screenshot as one attachment, sent as it is; picks a 40 MB PNG and a text file', async () => {
    const { page: p } = await start();
    await switchToVisionByTyping(p);
    await pasteFiles(p, [fixtures.screenshot]);
    const shot = await ready(p, 'screenshot.png');
    expect(await chips(p).count()).toBe(1);
    expect(shot).toContain('1280 × 720');

    const chooser = p.waitForEvent('filechooser');
    await p.getByRole('button', { name: 'Attach images' }).click();
    await (await chooser).setFiles([fixtures.hugePng, fixtures.notes]);
    const huge = await ready(p, 'huge.png');
    expect(huge).toContain('1600 × 1600');
    await ready(p, 'notes.md');
    expect(await chips(p).count()).toBe(3);

    await p.getByRole('textbox', { name: 'Message' }).fill('Compare these.');
    fake.enqueue({ type: 'stream', tokens: tokenize('Compared.'), delayMs: 1 });
    fake.enqueue({ type: 'completion', content: 'Comparison' });
    const request = await sendAndWait(p);
    const [screenshot, big] = request.images as ReceivedImage[];
    // No metadata and within the cap: the original bytes, not a re-encoded (bigger) copy.
    expect(screenshot!.mime).toBe('image/png');
    expect(
      Buffer.from(screenshot!.dataUrl.split(',')[1]!, 'base64').equals(fs.readFileSync(fixtures.screenshot)),
    ).toBe(true);
    expect(big).toMatchObject({ width: 1600, height: 1600, exif: false });
    expect(big!.dataUrl.length).toBeLessThanOrEqual(10_485_760);
    const body = request.body as { messages: Array<{ content: Array<{ type: string; text?: string }> }> };
    const parts = body.messages.at(-1)!.content;
    expect(parts.map((c) => c.type)).toEqual(['image_url', 'image_url', 'text', 'text']);
    expect(parts[2]!.text).toContain('File: notes.md');
    expect(parts[2]!.text).toContain('龙井');
  }, 120_000);

  it('Regenerate sends the images again; Edit can remove one', async () => {
    const { page: p } = await start();
    await switchToVisionByTyping(p);
    await pasteFiles(p, [fixtures.screenshot]);
    await ready(p, 'screenshot.png');
    const pick = p.waitForEvent('filechooser');
    await p.getByRole('button', { name: 'Attach images' }).click();
    await (await pick).setFiles([fixtures.notes]);
    await ready(p, 'notes.md');
    await p.getByRole('textbox', { name: 'Message' }).fill('What does the window say?');
    fake.enqueue({ type: 'stream', tokens: tokenize('First answer.'), delayMs: 1 });
    fake.enqueue({ type: 'completion', content: 'Window words' });
    await sendAndWait(p);

    const before = fake.streamRequests.length;
    fake.enqueue({ type: 'stream', tokens: tokenize('Second answer.'), delayMs: 1 });
    await p
      .locator('article[data-role="assistant"]')
      .last()
      .getByRole('button', { name: 'Regenerate' })
      .click();
    await expect.poll(() => fake.streamRequests.length).toBe(before + 1);
    expect(fake.streamRequests.at(-1)!.images?.length).toBe(1);
    await p.locator('article[data-role="assistant"][data-status="done"]').last().waitFor();

    await p.locator('article[data-role="user"]').last().getByRole('button', { name: 'Edit' }).click();
    await p
      .getByRole('list', { name: 'Attachments' })
      .getByRole('button', { name: 'Remove screenshot.png' })
      .click();
    await p.getByRole('textbox', { name: 'Message' }).fill('And the notes alone?');
    fake.enqueue({ type: 'stream', tokens: tokenize('Notes only.'), delayMs: 1 });
    const edited = await sendAndWait(p);
    expect(edited.images).toBeUndefined();
    const parts = (edited.body as { messages: Array<{ content: unknown }> }).messages.at(-1)!
      .content as Array<{
      type: string;
      text?: string;
    }>;
    expect(parts.map((c) => c.type)).toEqual(['text', 'text']);
    expect(parts[0]!.text).toContain('File: notes.md');
    const question = p.locator('article[data-role="user"]').last();
    expect(await question.getByRole('img', { name: 'screenshot.png' }).count()).toBe(0);
  }, 120_000);

  it('shows the thumbnails again after a restart, and sends earlier images with a later turn', async () => {
    const first = await start();
    await switchToVisionByTyping(first.page);
    await pasteFiles(first.page, [fixtures.screenshot]);
    await ready(first.page, 'screenshot.png');
    await first.page.getByRole('textbox', { name: 'Message' }).fill('Read this window.');
    fake.enqueue({ type: 'stream', tokens: tokenize('It is a window.'), delayMs: 1 });
    fake.enqueue({ type: 'completion', content: 'Window shot' });
    await sendAndWait(first.page);
    const nav = first.page.getByRole('navigation', { name: 'Conversations' });
    await nav.getByRole('button', { name: 'Window shot' }).waitFor();
    await page!.context().close();
    page = undefined;
    await apps.pop()!.stop();

    const { page: p } = await start(first.dataDir);
    await p
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: 'Window shot' })
      .click();
    const thumb = p.locator('article[data-role="user"]').getByRole('img', { name: 'screenshot.png' });
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(1280);
    // The next question says the image goes again, and it does.
    await p.getByRole('textbox', { name: 'Message' }).fill('And the title bar?');
    fake.enqueue({ type: 'stream', tokens: tokenize('Purple.'), delayMs: 1 });
    const request = await sendAndWait(p);
    expect(request.images?.length).toBe(1);
  }, 120_000);
  it("refuses text plus attachments over the model's input limit, saying by how much", async () => {
    const { page: p } = await start();
    await switchToVisionByTyping(p);
    // ≈170,000 tokens of Chinese in a file, ≈100,000 typed: over Qwen3-VL-Plus's 262,144.
    const file = `${fixtures.dir}/long.txt`;
    fs.writeFileSync(file, '龙'.repeat(170_000));
    const pick = p.waitForEvent('filechooser');
    await p.getByRole('button', { name: 'Attach images' }).click();
    await (await pick).setFiles([file]);
    await ready(p, 'long.txt');
    const box = p.getByRole('textbox', { name: 'Message' });
    const typed = 'a'.repeat(400_000);
    await box.fill(typed);
    const sent = fake.streamRequests.length;
    await p.getByRole('button', { name: 'Send' }).click();
    const alert = p.getByRole('alert').filter({ hasText: 'input limit' });
    await alert.waitFor();
    // 170,000 + 4 (the file) + 2 (its name) + 100,000 (typed) − 262,144.
    expect(await alert.innerText()).toContain(
      "This message is ≈7,862 tokens over Qwen3-VL-Plus's input limit of 262,144 tokens.",
    );
    expect((await box.inputValue()).length).toBe(typed.length);
    expect(fake.streamRequests.length).toBe(sent);
  }, 60_000);

  it('says it in 简体中文 too', async () => {
    const app = await startBrowserMode({
      DASHSCOPE_API_KEY: KEY,
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: tempDataDir(),
    });
    apps.push(app);
    const context = await browser.newContext({ locale: 'zh-CN' });
    page = await context.newPage();
    await page.goto(app.url);
    await page.getByRole('textbox', { name: '消息' }).waitFor();
    await dropFiles(page, [fixtures.svg]);
    await expect
      .poll(() => page!.getByRole('alert').innerText())
      .toContain('“drawing.svg”是 SVG 图片，因可能包含脚本而不被接受。');
    expect(await page.getByRole('button', { name: '添加图片' }).count()).toBe(1);
  });

  it('exports the images in JSON and imports them into a fresh history; a delete leaves no byte of them on disk', async () => {
    const first = await start();
    await switchToVisionByTyping(first.page);
    await pasteFiles(first.page, [fixtures.screenshot]);
    await ready(first.page, 'screenshot.png');
    await first.page.getByRole('textbox', { name: 'Message' }).fill('Keep this one.');
    fake.enqueue({ type: 'stream', tokens: tokenize('Kept.'), delayMs: 1 });
    fake.enqueue({ type: 'completion', content: 'Shot to keep' });
    await sendAndWait(first.page);
    const nav = first.page.getByRole('navigation', { name: 'Conversations' });
    await nav.getByRole('button', { name: 'Shot to keep' }).waitFor();
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      nav.getByRole('button', { name: 'Export all as JSON' }).click(),
    ]);
    const json = fs.readFileSync((await download.path())!, 'utf8');
    expect(json).toContain(fs.readFileSync(fixtures.screenshot).toString('base64'));

    // Deleted: the screenshot's bytes are gone from every file of the data directory.
    const row = nav
      .getByRole('listitem')
      .filter({ has: first.page.getByRole('button', { name: 'Shot to keep', exact: true }) });
    await row.hover();
    await row.getByRole('button', { name: 'Delete', exact: true }).click();
    await nav
      .getByRole('alertdialog', { name: 'Delete conversation' })
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    await expect.poll(() => nav.getByRole('button', { name: 'Shot to keep' }).count()).toBe(0);
    // Deletes can be undone for 10 s; moving on (New chat) carries this one out now.
    await nav.getByRole('button', { name: 'New chat', exact: true }).click();
    const marker = fs.readFileSync(fixtures.screenshot).subarray(-400, -300);
    const files = () =>
      fs.readdirSync(first.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files().length).toBeGreaterThan(0);
    const holding = () =>
      files()
        .filter((f) => fs.readFileSync(`${f.parentPath}/${f.name}`).includes(marker))
        .map((f) => f.name);
    await expect.poll(holding, { timeout: 10_000 }).toEqual([]);
    await page!.context().close();
    page = undefined;

    // A fresh history imports it, and the thumbnail is back.
    const second = await start();
    const chooser = second.page.waitForEvent('filechooser');
    await second.page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: 'Import JSON' })
      .click();
    await (
      await chooser
    ).setFiles({ name: 'h.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await second.page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: 'Shot to keep' })
      .click();
    const thumb = second.page
      .locator('article[data-role="user"]')
      .getByRole('img', { name: 'screenshot.png' });
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(1280);
  }, 120_000);
});

/** The tests' chats start on Qwen-Plus: pick the vision model in the header's model box. */
async function switchToVisionByTyping(p: Page): Promise<void> {
  const picker = p.getByRole('combobox', { name: 'Model' });
  await picker.fill('qwen3-vl-plus');
  await picker.press('Enter');
}
