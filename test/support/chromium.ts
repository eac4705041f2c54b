/**
 * Finds a Chromium for the browser tests on any machine: CHROMIUM_PATH, Debian's /usr/bin/chromium,
 * Playwright's own downloaded browsers, or an installed Chrome. None found: a message says what to
 * install, and the tests fail (they are not skipped: the UI would go untested).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    safe(() => chromium.executablePath()),
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    path.join(env.PROGRAMFILES ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    path.join(
      env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'),
      'Google',
      'Chrome',
      'Application',
      'chrome.exe',
    ),
  ];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the browser tests. Install one (Debian/Ubuntu: "apt-get install chromium"; ' +
  'elsewhere Google Chrome, or "npx playwright install chromium"), or set CHROMIUM_PATH to its executable.';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  return chromium.launch({
    executablePath,
    headless: true,
    // As root (CI containers) Chromium's own sandbox cannot start; the closed network here refuses
    // Chromium's background connections, so those are switched off too.
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
