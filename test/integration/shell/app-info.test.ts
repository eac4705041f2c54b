import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnvConfig } from '../../../electron/core/config';
import { createAppCore } from '../../../electron/core/default-core';
import type { Core } from '../../../electron/core/create-core';

describe('app.info (the log path the error boundaries show)', () => {
  let core: Core | undefined;
  let dir = '';
  afterEach(async () => {
    await core?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the main process log file of the data folder, and nothing secret', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-app-info-'));
    const env = {
      DASHSCOPE_API_KEY: 'sk-app-info-secret',
      QWEN_DESK_DATA_DIR: dir,
      QWEN_DESK_KEYCHAIN_SERVICE: `Qwen Desk app-info test ${process.pid}`,
    };
    core = createAppCore(readEnvConfig(env), env);
    const result = await core.invoke('app.info', undefined);
    expect(result).toEqual({ ok: true, value: { logPath: path.join(dir, 'logs', 'qwen-desk.log') } });
    expect(JSON.stringify(result)).not.toContain('sk-app-info-secret');
    // The file it names is the one the app writes.
    expect(fs.readFileSync(path.join(dir, 'logs', 'qwen-desk.log'), 'utf8')).toContain('Qwen Desk started');
    expect(await core.invoke('app.info', { extra: 1 })).toMatchObject({ ok: false });
  });
});
