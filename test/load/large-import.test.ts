/**
 * Issue 9, bug 2: importing a 70 MB export through the UI ended browser mode (one WebSocket frame
 * over the bridge's cap, and no error listener). In browser mode the import now goes as an HTTP
 * upload; a file over MAX_IMPORT_BYTES is refused in the page, before it is read, with a message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MAX_IMPORT_BYTES } from '../../electron/contract';
import { launchChromium } from '../support/chromium';
import { startBrowserMode, tempDataDir, type RunningApp } from '../support/browser-mode';
import { buildExport } from '../support/history-export';

describe('importing large exports in browser mode', () => {
  let browser: Browser;
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-import-'));
    // A key, so the first run does not open Settings over the sidebar; nothing is sent anywhere.
    app = await startBrowserMode({
      DASHSCOPE_API_KEY: 'sk-import-test',
      DASHSCOPE_BASE_URL: 'http://127.0.0.1:9/compatible-mode/v1',
      QWEN_DESK_DATA_DIR: tempDataDir(),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const zh = (page: Page) => page.evaluate(() => navigator.language.startsWith('zh'));
  const pick = async (page: Page, file: string) => {
    const chooser = page.waitForEvent('filechooser');
    const name = (await zh(page)) ? '导入 JSON' : 'Import JSON';
    await page.getByRole('button', { name, exact: true }).click();
    // A path, not a buffer: Chromium reads the file itself, as when a person picks it.
    await (await chooser).setFiles(file);
  };
  const open = async (locale: string) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(app.url);
    return page;
  };

  it('imports a 75 MB export through the page, and the host stays up', async () => {
    const answer = (i: number) => `${i}:` + 'long answer text '.repeat(56_000); // ≈ 0.95 MB
    const conversations = 40;
    const exported = buildExport(
      Array.from({ length: conversations }, (_, i) => ({
        title: `Big ${i}`,
        updatedAt: Date.UTC(2026, 0, 1) + i * 60_000,
        pairs: [
          [`question ${i}a`, answer(i * 2)],
          [`question ${i}b`, answer(i * 2 + 1)],
        ],
      })),
    );
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, JSON.stringify(exported));
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(75_000_000);
    const page = await open('en-US');
    const started = Date.now();
    await pick(page, file);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: /./ }).first().innerText(), { timeout: 60_000 })
      .toBe(`Conversations imported: ${conversations}.`);
    console.log(
      `large import: ${(size / 1e6).toFixed(1)} MB, ${conversations} conversations in ${Date.now() - started} ms`,
    );
    expect(app.child.exitCode).toBeNull();
    // The host still answers the page and the bridge: a reload lists what was imported.
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Big 39', exact: true }).count()).toBe(1);
    await page.context().close();
  }, 90_000);

  it.each([
    ['en-US', /^This file is 201 MB; an import can be at most 200 MB\./],
    ['zh-CN', /^此文件为 201 MB，导入文件最大为 200 MB。/],
  ])('refuses a file over the limit before reading it, with a message (%s)', async (locale, message) => {
    const file = path.join(dir, 'huge.json');
    // Sparse: 201 MB on paper, nothing on disk.
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_IMPORT_BYTES + 1_000_000);
    const page = await open(locale);
    await pick(page, file);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: /./ }).first().innerText())
      .toMatch(message);
    expect(app.child.exitCode).toBeNull();
    await page.context().close();
  });
});
