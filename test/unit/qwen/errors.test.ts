import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import {
  mapQwenError,
  parseRetryAfter,
  QwenApiError,
  serverWords,
  type ErrorContext,
} from '../../../electron/qwen/errors';

const ctx: ErrorContext = {
  model: 'qwen-plus',
  regionName: 'Singapore',
  baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  connectTimeoutMs: 120_000,
};
const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('mapQwenError', () => {
  it('a 401 names the region the key must come from', () => {
    const err = OpenAI.APIError.generate(
      401,
      {
        error: {
          message: 'Incorrect API key provided.',
          code: 'invalid_api_key',
          type: 'invalid_request_error',
        },
      },
      undefined,
      headers(),
    );
    expect(mapQwenError(err, ctx)).toMatchObject({
      code: 'auth',
      action:
        'Check the key, and that the region in Settings (now: Singapore) is the one the key was made in: keys work only in their own region.',
    });
  });

  it('reads an SSE-framed error body that the SDK could not parse as JSON', () => {
    const text =
      'data: {"error":{"message":"Allocated quota exceeded, please increase your quota limit.","type":"insufficient_quota","param":null,"code":"insufficient_quota"},"id":"chatcmpl-1"}\n\n';
    const err = OpenAI.APIError.generate(429, undefined, text, headers({ 'retry-after': '3' }));
    const mapped = mapQwenError(err, ctx);
    expect(mapped).toMatchObject({
      code: 'quota',
      httpStatus: 429,
      detail: 'Allocated quota exceeded, please increase your quota limit.',
    });
  });

  it('maps native codes from an in-stream frame', () => {
    expect(
      mapQwenError(
        new QwenApiError({
          message: 'Requests rate limit exceeded, please try again later.',
          code: 'Throttling.RateQuota',
          status: 429,
          inStream: true,
        }),
        ctx,
      ),
    ).toMatchObject({
      code: 'rate_limit',
      message: 'Too many requests to Qwen in the last minute.',
    });
    expect(
      mapQwenError(
        new QwenApiError({ message: 'Invalid API-key provided.', code: 'InvalidApiKey', inStream: true }),
        ctx,
      ).code,
    ).toBe('auth');
    expect(
      mapQwenError(new QwenApiError({ message: 'x', code: 'DataInspectionFailed', inStream: true }), ctx)
        .code,
    ).toBe('moderation');
  });

  it('keeps unknown failures honest', () => {
    expect(mapQwenError(new Error('boom'), ctx)).toMatchObject({ code: 'internal', detail: 'boom' });
    expect(mapQwenError(new QwenApiError({ message: 'odd thing', inStream: true }), ctx)).toMatchObject({
      code: 'server',
      message: 'Qwen reported an error.',
      detail: 'odd thing',
    });
  });
});

describe('serverWords', () => {
  it('drops the trailing link to the error-code page', () => {
    expect(
      serverWords(
        'Incorrect API key provided. For details, see: https://help.aliyun.com/zh/model-studio/error-code#apikey-error',
      ),
    ).toBe('Incorrect API key provided.');
    expect(serverWords('Range of input length should be [1, 129024]')).toBe(
      'Range of input length should be [1, 129024]',
    );
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    expect(parseRetryAfter('1.5')).toBe(1500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('mapQwenError without context (the key tester)', () => {
  it('stays general', () => {
    const err = OpenAI.APIError.generate(
      401,
      { error: { message: 'Incorrect API key provided.', code: 'invalid_api_key' } },
      undefined,
      headers(),
    );
    expect(mapQwenError(err).action).toBe(
      'Check the key, and that the region in Settings is the one the key was made in: keys work only in their own region.',
    );
    expect(mapQwenError(new OpenAI.APIConnectionTimeoutError()).message).toBe('Qwen did not answer in time.');
  });
});
