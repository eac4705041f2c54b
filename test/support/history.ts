import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/create-core';
import { systemClock } from '../../electron/shared/clock';
import { envKeySource } from '../../electron/secrets/key-source';
import { createQwenClient } from '../../electron/qwen/qwen-client';
import { HistoryStore } from '../../electron/history/history-store';
import type { ChannelName, ChannelResult } from '../../electron/contract';

export function tempHistoryDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-history-'));
}

/** The core as default-core builds it, on a real history file in `dataDir`. */
export function buildHistoryCore(options: { apiKey: string | null; baseURL: string; dataDir: string }): Core {
  return createCore({
    keySource: envKeySource(options.apiKey),
    createQwenClient,
    clock: systemClock,
    getBaseURL: () => options.baseURL,
    history: HistoryStore.open(options.dataDir),
  });
}

/** Invokes a channel and returns its value, throwing the app error's message on failure. */
export async function call<C extends ChannelName>(
  core: Core,
  channel: C,
  arg: unknown,
): Promise<ChannelResult<C>> {
  const r = await core.invoke(channel, arg);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message} ${r.error.detail ?? ''}`);
  return r.value as ChannelResult<C>;
}

/** Waits until `check` passes (polling), for results written by a stream in the background. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
