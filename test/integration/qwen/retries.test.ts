/**
 * Retries before the first token (issue 3 §7) against the fake server, on a clock running 1000×
 * faster than real time, with jitter pinned (random = 0.5 → exactly base·2^(k−1)).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../../electron/contract';
import { FakeDashScope, tokenize } from '../../fake-dashscope/server';
import { dashscopeErrors, nativeThrottling } from '../../fake-dashscope/wire';
import { buildCore, collectEvents } from '../../support/core';
import { scaledClock } from '../../support/scaled-clock';

const KEY = 'sk-retries-test';
let fake: FakeDashScope;
beforeAll(async () => {
  fake = await new FakeDashScope({ validKeys: [KEY] }).start();
});
afterAll(() => fake.close());

const answer = tokenize('Hangzhou has been famous for West Lake since the Tang dynasty.');

function setup(maxRetries = 3) {
  const clock = scaledClock();
  // idleTimeoutMs 0: on a 1000× clock a real pause of a few ms would look like minutes of silence.
  const core = buildCore({
    apiKey: KEY,
    baseURL: fake.baseURL,
    clock,
    random: () => 0.5,
    engine: { maxRetries, idleTimeoutMs: 0 },
  });
  const events = collectEvents(core);
  const start = async () => {
    const r = await core.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { streamId: string }).streamId;
  };
  return { core, events, start, clock };
}

const retrying = (events: ChatEvent[]) =>
  events.filter((e): e is Extract<ChatEvent, { type: 'retrying' }> => e.type === 'retrying');

describe('retries before the first token', () => {
  it('429 then 503, then the answer: two "retrying" events with exponential waits', async () => {
    const { events, start } = setup();
    const before = fake.chatRequests.length;
    fake.enqueue(
      { type: 'error', ...dashscopeErrors.limitRequests },
      { type: 'error', ...dashscopeErrors.modelServingError },
      { type: 'stream', tokens: answer },
    );
    const id = await start();
    const end = await events.until(id, (e) => e.type === 'done' || e.type === 'error');
    expect(end).toMatchObject({ type: 'done', status: 'done' });
    expect(events.text(id)).toBe(answer.join(''));
    expect(fake.chatRequests.length - before).toBe(3);
    const r = retrying(events.forStream(id));
    expect(r.map(({ attempt, maxAttempts, delayMs }) => ({ attempt, maxAttempts, delayMs }))).toEqual([
      { attempt: 2, maxAttempts: 4, delayMs: 1000 },
      { attempt: 3, maxAttempts: 4, delayMs: 2000 },
    ]);
    expect(r[0]!.error).toMatchObject({
      code: 'rate_limit',
      message: 'Too many requests to Qwen in the last minute.',
    });
    expect(r[1]!.error).toMatchObject({ code: 'server', message: 'Qwen is overloaded right now.' });
    // The retrying events come before any text.
    const kinds = events.forStream(id).map((e) => e.type);
    expect(kinds.indexOf('delta')).toBeGreaterThan(kinds.lastIndexOf('retrying'));
  });

  it('honours Retry-After (seconds) when the server sends it', async () => {
    const { events, start, clock } = setup();
    fake.enqueue(
      { type: 'error', ...dashscopeErrors.limitRequests, headers: { 'retry-after': '7' } },
      { type: 'stream', tokens: answer },
    );
    const id = await start();
    await events.until(id, (e) => e.type === 'done');
    expect(retrying(events.forStream(id)).map((e) => e.delayMs)).toEqual([7000]);
    expect(clock.waits).toContain(7000);
  });

  it('gives up after the configured attempts and shows the last error', async () => {
    const { events, start } = setup(2);
    const before = fake.chatRequests.length;
    fake.enqueue(
      { type: 'error', ...dashscopeErrors.internalError },
      { type: 'error', ...dashscopeErrors.internalError },
      { type: 'error', ...dashscopeErrors.internalError },
    );
    const id = await start();
    const end = await events.until(id, (e) => e.type === 'error');
    expect(fake.chatRequests.length - before).toBe(3);
    expect(retrying(events.forStream(id)).map((e) => [e.attempt, e.maxAttempts, e.delayMs])).toEqual([
      [2, 3, 1000],
      [3, 3, 2000],
    ]);
    expect(end).toMatchObject({
      interrupted: false,
      error: { code: 'server', message: 'Qwen had an internal error.' },
    });
  });

  it('retries network failures (reset) and a native throttling frame before any text', async () => {
    const { events, start } = setup();
    fake.enqueue(
      { type: 'reset' },
      { type: 'stream', tokens: answer, nativeError: { afterTokens: 0, ...nativeThrottling } },
      { type: 'stream', tokens: answer },
    );
    const id = await start();
    await events.until(id, (e) => e.type === 'done');
    expect(events.text(id)).toBe(answer.join(''));
    expect(retrying(events.forStream(id)).map((e) => e.error.code)).toEqual(['network', 'quota']);
  });

  it('never retries after partial output: keeps it and marks it interrupted', async () => {
    const { events, start } = setup();
    const before = fake.chatRequests.length;
    fake.enqueue({ type: 'stream', tokens: answer, resetAfter: 5 });
    const id = await start();
    const end = await events.until(id, (e) => e.type === 'error' || e.type === 'done');
    expect(end).toMatchObject({ type: 'error', interrupted: true, error: { code: 'network' } });
    expect(events.text(id)).toBe(answer.slice(0, 5).join(''));
    expect(retrying(events.forStream(id))).toEqual([]);
    expect(fake.chatRequests.length - before).toBe(1);
  });

  it('does not retry what another try cannot fix (401, 400)', async () => {
    const { events, start } = setup();
    const before = fake.chatRequests.length;
    fake.enqueue({ type: 'error', ...dashscopeErrors.arrearage });
    const id = await start();
    await events.until(id, (e) => e.type === 'error');
    expect(retrying(events.forStream(id))).toEqual([]);
    expect(fake.chatRequests.length - before).toBe(1);

    const wrongKey = buildCore({
      apiKey: 'sk-wrong',
      baseURL: fake.baseURL,
      clock: scaledClock(),
      engine: { maxRetries: 3 },
    });
    const wrongEvents = collectEvents(wrongKey);
    const r = await wrongKey.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    const id2 = (r as { ok: true; value: { streamId: string } }).value.streamId;
    expect(await wrongEvents.until(id2)).toMatchObject({ type: 'error', error: { code: 'auth' } });
    expect(fake.chatRequests.length - before).toBe(2);
  });

  it('cancel during the wait stops at once, with no further request', async () => {
    const clock = scaledClock(1); // real time: the wait is a full second
    const core = buildCore({
      apiKey: KEY,
      baseURL: fake.baseURL,
      clock,
      random: () => 0.5,
      engine: { maxRetries: 3 },
    });
    const events = collectEvents(core);
    const before = fake.chatRequests.length;
    fake.enqueue({ type: 'error', ...dashscopeErrors.limitRequests });
    const r = await core.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    const id = (r as { ok: true; value: { streamId: string } }).value.streamId;
    await events.until(id, (e) => e.type === 'retrying');
    const t0 = Date.now();
    await core.invoke('chat.cancel', { streamId: id });
    expect(await events.until(id, (e) => e.type === 'done')).toMatchObject({ status: 'stopped' });
    expect(Date.now() - t0).toBeLessThan(500);
    expect(fake.chatRequests.length - before).toBe(1);
  });
});
