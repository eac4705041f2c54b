/**
 * Launches the real Electron app with Playwright's _electron and streams an answer. Where the
 * Electron binary is not installed (as on the build machines here, which cannot download it), the
 * test is skipped and says what it looked for.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { electronBinary, electronPackageDir } from '../../scripts/electron-binary.mjs';
import { FakeDashScope, tokenize } from '../fake-dashscope/server';
import { tempDataDir } from '../support/browser-mode';

const binary = electronBinary();
// What was looked for, and where, so the message is true whatever the reason the binary is missing.
const where = electronPackageDir();
const reason = `SKIPPED: no Electron binary in ${where ? path.join(path.relative('.', where), 'dist') : 'node_modules/electron (the package is not installed)'}; install it with "npx install-electron" or set QWEN_DESK_ELECTRON_PATH to an Electron executable`;
if (!binary) console.warn(`Electron end-to-end test ${reason}.`);

/** The app on a fresh data folder, talking to `fake`; `extra` arguments after the app's path. */
function launchApp(fake: FakeDashScope, extra: string[] = []) {
  return electron.launch({
    executablePath: binary!,
    args: [path.resolve('.'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...extra],
    env: {
      ...process.env,
      ELECTRON_RUN_AS_NODE: '',
      DASHSCOPE_API_KEY: 'sk-electron-e2e',
      DASHSCOPE_BASE_URL: fake.baseURL,
      QWEN_DESK_DATA_DIR: tempDataDir(),
    },
  });
}

describe.skipIf(!binary)(binary ? 'Electron app' : `Electron app (${reason})`, () => {
  it('launches the app and streams an answer', async () => {
    const fake = await new FakeDashScope().start();
    fake.enqueue({ type: 'stream', tokens: tokenize('Hello from Qwen inside Electron.'), delayMs: 20 });
    const app = await launchApp(fake);
    try {
      const page = await app.firstWindow();
      // The window runs with the secure preferences and no Node in the page.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(await page.evaluate(() => typeof window.qwen?.invoke)).toBe('function');
      await page.getByRole('textbox', { name: 'Message' }).fill('Hi');
      await page.getByRole('button', { name: 'Send' }).click();
      const assistant = page.locator('article[data-role="assistant"]');
      await expect.poll(() => assistant.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
      expect(await assistant.innerText()).toContain('Hello from Qwen inside Electron.');
    } finally {
      await app.close();
      await fake.close();
    }
  });

  it('opens the quick window from --quick-ask, pre-filled, and answers in it (issue 11)', async () => {
    const fake = await new FakeDashScope().start();
    fake.enqueue({ type: 'stream', tokens: tokenize('Quick hello from Electron.'), delayMs: 20 });
    const app = await launchApp(fake, ['--quick-ask', 'Hi from the command']);
    try {
      await app.firstWindow();
      await expect.poll(() => app.windows().length, { timeout: 20_000 }).toBe(2);
      const quick = app.windows().find((w) => w.url().includes('window=quick'))!;
      const box = quick.getByRole('textbox', { name: 'Quick question' });
      // Pre-filled, never sent by itself.
      await expect.poll(() => box.inputValue(), { timeout: 20_000 }).toBe('Hi from the command');
      expect(fake.streamRequests).toHaveLength(0);
      await box.press('Enter');
      const answer = quick.locator('article[data-role="assistant"]');
      await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
      expect(await answer.innerText()).toContain('Quick hello from Electron.');
    } finally {
      await app.close();
      await fake.close();
    }
  });
});
