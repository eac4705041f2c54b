/**
 * The core as default-core builds it (real history file, real HTTP to the fake server, its result
 * host allowed as the test-only loopback origin), with a clock 100× fast so the 3 s polls take 30 ms
 * and every wait asked for is recorded.
 */
import { createCore, type Core, type CoreDeps } from '../../../electron/core/create-core';
import type { ImageJobView } from '../../../electron/contract';
import { HistoryStore } from '../../../electron/history/history-store';
import { createQwenClient } from '../../../electron/qwen/qwen-client';
import { envKeySource } from '../../../electron/secrets/key-source';
import type { FakeDashScope } from '../../fake-dashscope/server';
import { eventually } from '../../support/history';
import { scaledClock } from '../../support/scaled-clock';

export function imageCore(
  fake: FakeDashScope,
  dataDir: string,
  clock = scaledClock(100),
  extra: Partial<CoreDeps> = {},
) {
  const core = createCore({
    ...extra,
    keySource: envKeySource('sk-image-test'),
    createQwenClient,
    clock,
    getBaseURL: () => fake.baseURL,
    history: HistoryStore.open(dataDir),
    env: { DASHSCOPE_IMAGE_RESULT_ORIGIN: fake.images.resultOrigin },
  });
  const jobs: ImageJobView[] = [];
  core.subscribe((event, payload) => {
    if (event === 'image.job') jobs.push(payload as ImageJobView);
  });
  return { core, clock, jobs };
}

/** Waits for the job of `messageId` to reach `state`, from its `image.job` events. */
export function jobIn(jobs: ImageJobView[], messageId: number, ...states: ImageJobView['state'][]) {
  return eventually(() => jobs.findLast((j) => j.messageId === messageId && states.includes(j.state)));
}

export async function generate(core: Core, arg: Record<string, unknown>) {
  const r = await core.invoke('image.generate', arg);
  if (!r.ok) throw new Error(`image.generate: ${r.error.message}`);
  return r.value as { conversationId: number; assistantMessageId: number; job: ImageJobView };
}

export const imageRequests = (fake: FakeDashScope) =>
  fake.requests.filter((r) => /\/services\/aigc\/|\/tasks\//.test(r.path));
