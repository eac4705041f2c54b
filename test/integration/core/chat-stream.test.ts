import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope, tokenize } from '../../fake-dashscope/server';
import { dashscopeErrors } from '../../fake-dashscope/wire';
import { buildCore, collectEvents } from '../../support/core';

const KEY = 'sk-integration-test-key';

describe('core chat streaming against the fake DashScope server', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(() => fake.close());
  afterEach(() => fake.setDefault(null));

  const start = async (core: ReturnType<typeof buildCore>, content = 'Hello') => {
    const r = await core.invoke('chat.start', { model: 'qwen-plus', messages: [{ role: 'user', content }] });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { streamId: string }).streamId;
  };

  it('streams the deltas in order, then usage and the finish reason', async () => {
    const answer = '通义千问 streams this answer, one small token after another: 1 2 3 4 5 6 7 8 9 10.';
    fake.enqueue({ type: 'stream', tokens: tokenize(answer), delayMs: 2, promptTokens: 11 });
    const core = buildCore({ apiKey: KEY, baseURL: fake.baseURL });
    const events = collectEvents(core);
    const id = await start(core);
    const done = await events.until(id);

    expect(events.text(id)).toBe(answer);
    expect(done).toEqual({
      type: 'done',
      streamId: id,
      status: 'done',
      finishReason: 'stop',
      usage: {
        promptTokens: 11,
        completionTokens: tokenize(answer).length,
        totalTokens: 11 + tokenize(answer).length,
      },
    });
    const request = fake.chatRequests.at(-1)!;
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toMatchObject({
      model: 'qwen-plus',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Hello' }],
    });
  });

  it('coalesces a fast stream into far fewer events than tokens', async () => {
    const tokens = Array.from({ length: 5000 }, (_, i) => `t${i} `);
    fake.enqueue({ type: 'stream', tokens, delayMs: 0 });
    const core = buildCore({ apiKey: KEY, baseURL: fake.baseURL });
    const events = collectEvents(core);
    const id = await start(core);
    await events.until(id);
    const deltas = events.forStream(id).filter((e) => e.type === 'delta');
    expect(events.text(id)).toBe(tokens.join(''));
    expect(deltas.length).toBeLessThan(tokens.length / 10);
    for (const d of deltas) expect(d.type === 'delta' && d.content.length).toBeLessThanOrEqual(2048 + 16);
    // Each delta says where it starts in the stream's text (a window joining mid-stream needs it).
    let at = 0;
    for (const d of deltas) {
      if (d.type !== 'delta') continue;
      expect([d.at, d.reasoningAt]).toEqual([at, 0]);
      at += d.content.length;
    }
  });

  it('cancel stops the HTTP request at once and keeps what arrived', async () => {
    fake.enqueue({ type: 'stream', tokens: Array.from({ length: 1000 }, (_, i) => `w${i} `), delayMs: 10 });
    const core = buildCore({ apiKey: KEY, baseURL: fake.baseURL });
    const events = collectEvents(core);
    const id = await start(core);
    await events.until(id, (e) => e.type === 'delta');
    const request = fake.chatRequests.at(-1)!;
    const cancelled = await core.invoke('chat.cancel', { streamId: id });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const done = await events.until(id);
    expect(done).toMatchObject({ type: 'done', status: 'stopped' });
    await request.ended;
    expect(request.aborted).toBe(true);
    const kept = events.text(id);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.split(' ').length).toBeLessThan(1000);
  });

  it('several streams run at once; cancelling one leaves the others untouched', async () => {
    fake.setDefault((q) => ({ type: 'stream', tokens: tokenize(`answer to ${q} `.repeat(20)), delayMs: 3 }));
    const core = buildCore({ apiKey: KEY, baseURL: fake.baseURL });
    const events = collectEvents(core);
    const [a, b, c] = await Promise.all([start(core, 'A'), start(core, 'B'), start(core, 'C')]);
    await events.until(b!, (e) => e.type === 'delta');
    await core.invoke('chat.cancel', { streamId: b! });
    const [da, db, dc] = await Promise.all([events.until(a!), events.until(b!), events.until(c!)]);
    expect(da).toMatchObject({ status: 'done' });
    expect(db).toMatchObject({ status: 'stopped' });
    expect(dc).toMatchObject({ status: 'done' });
    expect(events.text(a!)).toBe('answer to A '.repeat(20));
    expect(events.text(c!)).toBe('answer to C '.repeat(20));
  });

  it('a wrong key ends the stream with a human message about the key and its region', async () => {
    const core = buildCore({ apiKey: 'sk-wrong', baseURL: fake.baseURL });
    const events = collectEvents(core);
    const id = await start(core);
    const end = await events.until(id);
    expect(end).toMatchObject({
      type: 'error',
      error: { code: 'auth', message: 'Qwen rejected the API key.', httpStatus: 401 },
    });
    expect(end.type === 'error' && end.error.action).toMatch(/region/);
    expect(end.type === 'error' && end.error.detail).toMatch(/^Incorrect API key provided/);
  });

  it('an unknown model and a rate limit are told apart', async () => {
    const core = buildCore({ apiKey: KEY, baseURL: fake.baseURL, engine: { maxRetries: 0 } });
    const events = collectEvents(core);
    fake.enqueue({ type: 'error', ...dashscopeErrors.modelNotFound('qwen-nope') });
    const a = await start(core);
    expect(await events.until(a)).toMatchObject({
      type: 'error',
      error: { code: 'model_not_found', httpStatus: 404 },
    });
    fake.enqueue({ type: 'error', ...dashscopeErrors.limitRequests });
    const b = await start(core);
    expect(await events.until(b)).toMatchObject({
      type: 'error',
      error: { code: 'rate_limit', httpStatus: 429 },
    });
  });

  it('an unreachable host is a network error, not a crash', async () => {
    const core = buildCore({
      apiKey: KEY,
      baseURL: 'http://127.0.0.1:9/compatible-mode/v1',
      engine: { maxRetries: 0 },
    });
    const events = collectEvents(core);
    const id = await start(core);
    expect(await events.until(id)).toMatchObject({ type: 'error', error: { code: 'network' } });
  });

  it('without a key, start fails as data and no request is made', async () => {
    const before = fake.requests.length;
    const core = buildCore({ apiKey: null, baseURL: fake.baseURL });
    const r = await core.invoke('chat.start', {
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'no_api_key' } });
    expect(fake.requests.length).toBe(before);
  });

  it('refuses bad arguments and unknown channels as data', async () => {
    const core = buildCore({ apiKey: KEY, baseURL: fake.baseURL });
    expect(await core.invoke('chat.start', { model: 'qwen-plus', messages: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: 'There is nothing to send.' },
    });
    expect(await core.invoke('chat.start', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await core.invoke('fs.readFile', '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await core.invoke('chat.cancel', { streamId: 'nope' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });
});
