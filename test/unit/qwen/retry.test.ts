import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { IdleTimeoutError, QwenApiError } from '../../../electron/qwen/errors';
import { backoffDelay, RETRY_CAP_MS, retryDelay } from '../../../electron/qwen/retry';

const status = (s: number, h: Record<string, string> = {}) =>
  OpenAI.APIError.generate(s, { error: { message: 'x' } }, undefined, new Headers(h));

describe('backoffDelay', () => {
  it('doubles from 1 s, capped, with ±25 % jitter', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(1, () => 0)).toBe(750);
    expect(backoffDelay(1, () => 1)).toBe(1250);
    expect(backoffDelay(20, () => 0.5)).toBe(RETRY_CAP_MS);
  });
});

describe('retryDelay', () => {
  it('retries 429, 500, 502, 503, 504 and network errors, not other statuses', () => {
    for (const s of [429, 500, 502, 503, 504])
      expect(
        retryDelay(status(s), 1, 3, () => 0.5),
        String(s),
      ).toBe(1000);
    for (const s of [400, 401, 403, 404, 413]) expect(retryDelay(status(s), 1, 3), String(s)).toBeNull();
    expect(
      retryDelay(
        new OpenAI.APIConnectionError({ cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
        1,
        3,
        () => 0.5,
      ),
    ).toBe(1000);
    expect(retryDelay(new IdleTimeoutError(1000), 2, 3, () => 0.5)).toBe(2000);
  });
  it('does not retry a certificate problem', () => {
    const err = new OpenAI.APIConnectionError({
      cause: Object.assign(new Error('x'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
    });
    expect(retryDelay(err, 1, 3)).toBeNull();
  });
  it('does not retry a proxy that refused the tunnel', () => {
    const err = new OpenAI.APIConnectionError({
      cause: new Error('Proxy response (407) !== 200 when HTTP Tunneling'),
    });
    expect(retryDelay(err, 1, 3)).toBeNull();
  });
  it('stops at the last attempt', () => {
    expect(retryDelay(status(503), 3, 3)).toBeNull();
  });
  it('honours Retry-After, up to a minute', () => {
    expect(retryDelay(status(429, { 'retry-after': '12' }), 1, 3)).toBe(12_000);
    expect(retryDelay(status(429, { 'retry-after': '600' }), 1, 3)).toBeNull();
  });
  it('retries throttling frames inside a stream, not moderation', () => {
    expect(
      retryDelay(
        new QwenApiError({ message: 'x', code: 'Throttling.AllocationQuota', status: 429, inStream: true }),
        1,
        3,
        () => 0.5,
      ),
    ).toBe(1000);
    expect(
      retryDelay(new QwenApiError({ message: 'x', code: 'data_inspection_failed', inStream: true }), 1, 3),
    ).toBeNull();
  });
});
