/**
 * Issue 9, item 5 (IPC): random JSON, and mutations of plausible arguments, at every channel of a
 * core assembled as the app assembles it (a real history file in a temporary directory, the settings
 * in it, a memory key store, the fake DashScope server as DASHSCOPE_BASE_URL): every call resolves
 * to a Result (ok, or a refusal as data), never a throw or a hang, and the core still answers a
 * normal call afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type Result } from '../../electron/contract';
import { createCore, type Core } from '../../electron/core/create-core';
import { systemClock } from '../../electron/shared/clock';
import { HistoryStore } from '../../electron/history/history-store';
import { createQwenClient } from '../../electron/qwen/qwen-client';
import { createKeyManager } from '../../electron/secrets/key-manager';
import { createKeyRouting } from '../../electron/secrets/key-routing';
import { createMemoryKeyStore } from '../../electron/secrets/key-store';
import { createSettingsService } from '../../electron/settings/settings-service';
import { FakeDashScope } from '../fake-dashscope/server';

const RUNS_PER_CHANNEL = 40;
const CALL_TIMEOUT_MS = 5_000;

/** Field names the contract's arguments use, so mutations reach past the first check. */
const fields = [
  'conversationId',
  'messageId',
  'streamId',
  'id',
  'key',
  'model',
  'messages',
  'role',
  'content',
  'text',
  'title',
  'pinned',
  'format',
  'data',
  'query',
  'region',
  'customBaseURL',
  'params',
  'limit',
  'before',
  'settings',
  'language',
  'theme',
  'proxy',
  'retryCount',
];
const small = fc.oneof(
  fc.integer({ min: -2, max: 5 }),
  fc.constantFrom('', 'x', 'qwen-plus', 'user', 'custom', 'json', 'markdown', 'http://203.0.113.9/v1'),
  fc.boolean(),
  fc.constant(null),
  fc.double(),
);
const mutated = fc.dictionary(fc.constantFrom(...fields), fc.oneof(small, fc.jsonValue({ maxDepth: 2 })), {
  maxKeys: 5,
});
const argument = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2 }),
  mutated,
  mutated.map((m) => ({ ...m, messages: [{ role: 'user', content: String(m.content ?? 'hi') }] })),
  fc.constant(undefined),
);

describe('IPC fuzz', () => {
  let fake: FakeDashScope;
  let core: Core;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-ipc-fuzz-'));

  beforeAll(async () => {
    fake = await new FakeDashScope().start();
    const history = HistoryStore.open(dataDir);
    const settings = createSettingsService(history.settings, { baseURLOverride: fake.baseURL });
    const keys = createKeyManager({
      envKey: null,
      keychain: createMemoryKeyStore(),
      region: () => settings.region(),
      routing: createKeyRouting({ overrideBaseURL: fake.baseURL, store: history.settings }),
    });
    core = createCore({
      keySource: keys,
      createQwenClient,
      clock: systemClock,
      getBaseURL: () => settings.baseURL(),
      settings,
      keys,
      history,
    });
    expect((await core.invoke('key.save', { key: 'sk-fuzz-0000000000000000000000abcd' })).ok).toBe(true);
  });
  afterAll(async () => {
    await core.dispose();
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every channel with a Result for any argument', async () => {
    const tally = { ok: 0, refused: 0 };
    const call = async (channel: string, arg: unknown): Promise<Result<unknown>> => {
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${channel} did not answer`)), CALL_TIMEOUT_MS);
      });
      try {
        return await Promise.race([core.invoke(channel, arg), hung]);
      } finally {
        clearTimeout(timer);
      }
    };
    const property = fc.asyncProperty(
      fc.constantFrom(...channelNames, 'no.such.channel'),
      argument,
      async (channel, arg) => {
        const result = await call(channel, arg);
        expect(typeof result.ok).toBe('boolean');
        if (result.ok) tally.ok++;
        else {
          expect(typeof result.error.message).toBe('string');
          tally.refused++;
        }
      },
    );
    const runs = RUNS_PER_CHANNEL * (channelNames.length + 1);
    await fc.assert(property, { numRuns: runs, seed: 11, interruptAfterTimeLimit: 15_000 });
    // Still answering normal calls afterwards.
    expect(await call('settings.get', undefined)).toMatchObject({ ok: true });
    expect(await call('key.status', undefined)).toMatchObject({ ok: true });
    console.log(
      `IPC fuzz: ${tally.ok + tally.refused} calls over ${channelNames.length} channels (+1 unknown): ${tally.ok} ok, ${tally.refused} refused as data, 0 throws`,
    );
  }, 30_000);
});
