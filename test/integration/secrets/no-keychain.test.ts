/**
 * The "no keychain" path for real: the app in a child process whose D-Bus session address points
 * at nothing (as on a Linux machine without a Secret Service). It must say why and how to fix it,
 * use the key from memory for this run, and write it nowhere.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope } from '../../fake-dashscope/server';

const run = promisify(execFile);
const KEY = 'sk-memory-only-7e3b1c9d0a5f4e21';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe.runIf(process.platform === 'linux')('without a Secret Service (Linux)', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('keeps the key in memory, says why and how to fix it, and still chats', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-nokeychain-'));
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const { stdout } = await run(
      process.execPath,
      ['--import', tsx, path.resolve('test/integration/secrets/no-keychain-child.ts'), `${KEY}\n`],
      {
        env: {
          ...process.env,
          DASHSCOPE_API_KEY: '',
          DASHSCOPE_BASE_URL: fake.baseURL,
          QWEN_DESK_DATA_DIR: dataDir,
          DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dataDir, 'no-such-bus')}`,
          QWEN_DESK_KEYCHAIN_SERVICE: `Qwen Desk test nokeychain ${process.pid}`,
        },
        timeout: 30_000,
      },
    );
    const out = JSON.parse(stdout);
    expect(out.before.value.source).toBe('none');
    const keychain = out.before.value.keychain;
    expect(keychain.available).toBe(false);
    expect(keychain.reason).toMatch(/No keychain service \(Secret Service\)/);
    expect(keychain.fix).toMatch(/GNOME Keyring or KWallet/);
    expect(out.saved.value).toMatchObject({ source: 'memory', masked: 'sk-…4e21' });
    expect(out.end.type).toBe('done');
    expect(fake.chatRequests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(stdout).not.toContain(KEY);
    // Never written anywhere: the log says what happened, without the key.
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'qwen-desk.log'), 'utf8');
    expect(log).toContain('kept in memory for this run only');
    for (const file of filesUnder(dataDir)) expect(fs.readFileSync(file).includes(KEY), file).toBe(false);
  });
});
