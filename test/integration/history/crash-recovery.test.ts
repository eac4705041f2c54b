import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope } from '../../fake-dashscope/server';
import { HISTORY_FILE } from '../../../electron/history/open-database';
import { FLUSH_INTERVAL_MS } from '../../../electron/core/stream-recorder';
import { buildHistoryCore, call, tempHistoryDir } from '../../support/history';

const KEY = 'sk-crash-test';
const require = createRequire(import.meta.url);

describe('an answer cut off by SIGKILL', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(() => fake.close());

  it('keeps its text up to the last flush and shows as interrupted after restart', async () => {
    const tokens = Array.from({ length: 500 }, (_, i) => `词${i} `);
    const answer = tokens.join('');
    fake.enqueue({ type: 'stream', tokens, delayMs: 15 });
    const dataDir = tempHistoryDir();
    const child = spawn(
      process.execPath,
      ['--import', require.resolve('tsx'), path.join(import.meta.dirname, 'crash-child.ts')],
      {
        env: { ...process.env, KEY, BASE_URL: fake.baseURL, DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const timeline: Array<{ at: number; length: number }> = [];
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout!.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          const m = /^RECEIVED (\d+)$/.exec(line);
          if (m) timeline.push({ at: performance.now(), length: Number(m[1]) });
        }
        // Well into the answer (about a second of streaming): kill it.
        if ((timeline.at(-1)?.length ?? 0) > 600) resolve();
      });
      void exited.then(() => reject(new Error(`the child exited early: ${err}`)));
    });
    const killedAt = performance.now();
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // What the child had received one flush interval (plus scheduling slack) before it died.
    const safe = timeline.filter((t) => t.at <= killedAt - FLUSH_INTERVAL_MS - 50).at(-1)?.length ?? 0;
    expect(safe).toBeGreaterThan(0);
    const raw = new Database(path.join(dataDir, HISTORY_FILE), { readonly: true });
    const row = raw.prepare("SELECT status, content FROM messages WHERE role = 'assistant'").get() as {
      status: string;
      content: string;
    };
    raw.close();
    expect(row.status).toBe('streaming'); // written when the stream started, never finished
    expect(answer.startsWith(row.content)).toBe(true);
    expect(row.content.length).toBeGreaterThanOrEqual(safe);
    expect(row.content.length).toBeLessThan(answer.length);

    // Restart on the same folder: the answer is there, marked interrupted, its text kept.
    const core = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir });
    const [conversation] = (await call(core, 'history.list', {})).conversations;
    const page = await call(core, 'history.open', { conversationId: conversation!.id });
    expect(page.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(page.messages[1]).toMatchObject({ status: 'interrupted', content: row.content, streamId: null });
    await core.dispose();
  });
});
