import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../electron/contract';
import {
  IdleTimeoutError,
  mapQwenError,
  QwenApiError,
  STREAM_LIMIT_CODE,
  StreamEndedEarlyError,
  type ErrorContext,
} from '../../../electron/qwen/errors';
import { isMainTextKey } from '../../../electron/shared/main-text';
import { errorAction, errorMessage } from '../../../renderer/src/i18n/main-text';
import { dashscopeErrors } from '../../fake-dashscope/wire';
import { latinOnlySentences } from '../../support/latin-only';

const ctx: ErrorContext = {
  model: 'qwen-plus',
  regionName: 'Singapore',
  baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  proxy: 'http://proxy.example:3128',
  connectTimeoutMs: 120_000,
};
const custom: ErrorContext = { ...ctx, regionName: undefined, baseURL: 'http://127.0.0.1:4010/v1' };

/** A network failure as undici reports it: `fetch failed` caused by a system error code. */
const network = (code: string, message = code) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

/** Every way a request can fail that errors.ts tells apart. */
const failures: Array<[string, unknown, Partial<ErrorContext>]> = [
  ['idle', new IdleTimeoutError(30_000), ctx],
  ['ended early', new StreamEndedEarlyError(), ctx],
  ['connect timeout', new OpenAI.APIConnectionTimeoutError(), ctx],
  ['connect timeout, no context', new OpenAI.APIConnectionTimeoutError(), {}],
  ['proxy refused', network('ERR', 'proxy response (407) Proxy Authentication Required'), ctx],
  ['certificate', network('SELF_SIGNED_CERT_IN_CHAIN'), ctx],
  ['tls', network('ERR_SSL_WRONG_VERSION_NUMBER'), ctx],
  ['refused', network('ECONNREFUSED'), { ...ctx, proxy: null }],
  ['refused via proxy', network('ECONNREFUSED'), ctx],
  ['dns', network('ENOTFOUND'), ctx],
  ['reset', network('ECONNRESET'), ctx],
  ['timed out', network('ETIMEDOUT'), ctx],
  ['no route', network('EHOSTUNREACH'), ctx],
  ['unreachable', new OpenAI.APIConnectionError({ message: 'Connection error.' }), ctx],
  ['unexpected', new Error('boom'), ctx],
  ['line too long', new QwenApiError({ message: 'x', code: STREAM_LIMIT_CODE, type: 'line', limit: 1 }), ctx],
  [
    'answer too long',
    new QwenApiError({ message: 'x', code: STREAM_LIMIT_CODE, type: 'answer', limit: 1 }),
    ctx,
  ],
  [
    '401 on a custom address',
    QwenApiError.fromBody(dashscopeErrors.invalidApiKey.error, { status: 401 }),
    custom,
  ],
  ['401 without context', QwenApiError.fromBody(dashscopeErrors.invalidApiKey.error, { status: 401 }), {}],
  ['404 without a model', QwenApiError.fromBody({ message: 'gone' }, { status: 404 }), {}],
  ['image too big', QwenApiError.fromBody({ message: 'Exceeded limit on max bytes per data-uri item' }), ctx],
  ['image unreadable', QwenApiError.fromBody({ message: 'The image does not appear to be valid' }), ctx],
  [
    'image too small',
    QwenApiError.fromBody({ message: 'The image length and width must be at least 10' }),
    ctx,
  ],
  ['413', QwenApiError.fromBody({ message: '' }, { status: 413 }), ctx],
  ['403', QwenApiError.fromBody({ message: '' }, { status: 403 }), ctx],
  ['502', QwenApiError.fromBody({ message: '' }, { status: 502 }), ctx],
  ['in-stream oddity', new QwenApiError({ message: 'odd thing', inStream: true }), ctx],
  ['plain 400', QwenApiError.fromBody({ message: 'nope' }, { status: 400 }), ctx],
  ...Object.entries(dashscopeErrors).map(([name, e]): [string, unknown, Partial<ErrorContext>] => {
    const wire = typeof e === 'function' ? e('qwen-x') : e;
    const body = 'error' in wire ? wire.error : wire;
    return [name, QwenApiError.fromBody(body, { status: wire.status }), ctx];
  }),
];

describe('every Qwen failure, said in Simplified Chinese', () => {
  it.each(failures)('%s', (_, err, context) => {
    const error: AppError = mapQwenError(err, context);
    expect(isMainTextKey(error.key)).toBe(true);
    if (error.action !== undefined) expect(isMainTextKey(error.actionKey)).toBe(true);
    const zh = [errorMessage('zh-CN', error), errorAction('zh-CN', error) ?? ''].join(' ');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(latinOnlySentences(zh)).toEqual([]);
    // The English is unchanged for logs and for a UI that does not know the key.
    expect(errorMessage('en', error)).toBe(error.message);
  });

  it('names the host, not a region, when the address is not a region’s own', () => {
    const error = mapQwenError(QwenApiError.fromBody({ message: 'bad key' }, { status: 401 }), custom);
    expect(error.action).toBe(
      'Check the key: 127.0.0.1:4010 rejected it. A key works only with the region (or address) it was made for.',
    );
    expect(errorAction('zh-CN', error)).toContain('127.0.0.1:4010');
  });
});
