/**
 * Every failure of issue 3 §6 against the fake DashScope server (real HTTP, real sockets): the
 * category and the exact sentence the user sees. Retries are off here (retries.test.ts has them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatMessage } from '../../../electron/contract';
import { FakeDashScope, tokenize, type FakeScenario } from '../../fake-dashscope/server';
import { dashscopeErrors, nativeThrottling } from '../../fake-dashscope/wire';
import { buildCore, collectEvents } from '../../support/core';
import type { EngineSettings } from '../../../electron/qwen/engine-settings';

const KEY = 'sk-errors-test';
let fake: FakeDashScope;
let host: string;

beforeAll(async () => {
  fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  host = new URL(fake.baseURL).host;
});
afterAll(() => fake.close());

interface Run {
  end: ChatEvent;
  text: string;
  events: ChatEvent[];
}

async function run(
  scenario: FakeScenario | null,
  options: {
    apiKey?: string;
    baseURL?: string;
    model?: string;
    messages?: ChatMessage[];
    engine?: Partial<EngineSettings>;
  } = {},
): Promise<Run> {
  if (scenario) fake.enqueue(scenario);
  const core = buildCore({
    apiKey: options.apiKey ?? KEY,
    baseURL: options.baseURL ?? fake.baseURL,
    engine: { maxRetries: 0, ...options.engine },
  });
  const events = collectEvents(core);
  const r = await core.invoke('chat.start', {
    model: options.model ?? 'qwen-plus',
    messages: options.messages ?? [{ role: 'user', content: 'Tell me about West Lake.' }],
  });
  if (!r.ok) throw new Error(`start failed: ${r.error.message}`);
  const id = (r.value as { streamId: string }).streamId;
  const end = await events.until(id);
  await core.dispose();
  return { end, text: events.text(id), events: events.forStream(id) };
}

const errorOf = (e: ChatEvent) => {
  if (e.type !== 'error') throw new Error(`expected an error event, got ${JSON.stringify(e)}`);
  return e;
};

const tokens = tokenize('West Lake is a freshwater lake in Hangzhou, famous for its scenery.');

describe('DashScope errors as the user sees them', () => {
  it('wrong key (401 invalid_api_key): check the key and the region', async () => {
    const e = errorOf((await run(null, { apiKey: 'sk-wrong' })).end);
    expect(e.interrupted).toBe(false);
    expect(e.error).toMatchObject({
      code: 'auth',
      message: 'Qwen rejected the API key.',
      // A custom address (here, the fake server's) is named by its host, not a region.
      action: `Check the key: ${host} rejected it. A key works only with the region (or address) it was made for.`,
      detail: 'Incorrect API key provided.',
      httpStatus: 401,
    });
  });

  it('unknown model (404 model_not_found)', async () => {
    const e = errorOf(
      (await run({ type: 'error', ...dashscopeErrors.modelNotFound('Qwen-Plus') }, { model: 'Qwen-Plus' }))
        .end,
    );
    expect(e.error).toMatchObject({
      code: 'model_not_found',
      message: 'The model "Qwen-Plus" does not exist, or your key cannot use it.',
      action:
        'Choose another model. Model ids are case-sensitive, and some models exist only in some regions.',
      detail: 'The model `Qwen-Plus` does not exist or you do not have access to it.',
      httpStatus: 404,
    });
  });

  it('rate limit (429 limit_requests)', async () => {
    const e = errorOf((await run({ type: 'error', ...dashscopeErrors.limitRequests })).end);
    expect(e.error).toMatchObject({
      code: 'rate_limit',
      message: 'Too many requests to Qwen in the last minute.',
      action: 'Wait a minute and try again.',
      detail: 'You have exceeded your current request limit.',
      httpStatus: 429,
    });
  });

  it('token quota (429 insufficient_quota)', async () => {
    const e = errorOf((await run({ type: 'error', ...dashscopeErrors.insufficientQuota })).end);
    expect(e.error).toMatchObject({
      code: 'quota',
      message: 'Your token quota for this model is used up for now.',
      action: 'Wait a minute and try again, or raise the quota in Model Studio.',
      httpStatus: 429,
    });
  });

  it('burst (429 limit_burst_rate)', async () => {
    const e = errorOf((await run({ type: 'error', ...dashscopeErrors.limitBurstRate })).end);
    expect(e.error).toMatchObject({
      code: 'rate_limit',
      message: 'Requests to Qwen increased too quickly.',
      action: 'Wait a few seconds and try again.',
      httpStatus: 429,
    });
  });

  it('an error body framed as SSE before the stream is read like a JSON one', async () => {
    const e = errorOf(
      (await run({ type: 'error', ...dashscopeErrors.insufficientQuota, framing: 'sse' })).end,
    );
    expect(e.error).toMatchObject({
      code: 'quota',
      message: 'Your token quota for this model is used up for now.',
      detail: 'You exceeded your current quota, please check your plan and billing details.',
      httpStatus: 429,
    });
  });

  it('account in arrears (Arrearage)', async () => {
    const e = errorOf((await run({ type: 'error', ...dashscopeErrors.arrearage })).end);
    expect(e.error).toMatchObject({
      code: 'arrears',
      message: 'Your Alibaba Cloud account is overdue, so Qwen refused the request.',
      action: 'Top up or settle your account in the Alibaba Cloud console, then try again.',
      detail: 'Access denied, please make sure your account is in good standing.',
      httpStatus: 400,
    });
  });

  it('content moderation on the input (data_inspection_failed)', async () => {
    const e = errorOf((await run({ type: 'error', ...dashscopeErrors.inputInspectionFailed })).end);
    expect(e.interrupted).toBe(false);
    expect(e.error).toMatchObject({
      code: 'moderation',
      message: "Qwen's content safety check refused your message.",
      action: 'Rephrase the message and send it again.',
      detail: 'Input data may contain inappropriate content.',
    });
  });

  it('content moderation on the output, mid-stream (data: {"error":…}): what arrived is kept', async () => {
    const r = await run({
      type: 'stream',
      tokens,
      midStreamError: { afterTokens: 5, error: dashscopeErrors.outputInspectionFailed.error },
    });
    const e = errorOf(r.end);
    expect(r.text).toBe(tokens.slice(0, 5).join(''));
    expect(e.interrupted).toBe(true);
    expect(e.error).toMatchObject({
      code: 'moderation',
      message: "Qwen's content safety check stopped the answer.",
      action: 'Ask the question another way.',
      detail: 'Output data may contain inappropriate content.',
    });
  });

  it("bad parameter (400): the server's own words are shown", async () => {
    const e = errorOf((await run({ type: 'error', ...dashscopeErrors.inputLength })).end);
    expect(e.error).toMatchObject({
      code: 'bad_request',
      message: 'Qwen refused the request.',
      detail: 'Range of input length should be [1, 129024]',
      action: 'Change the setting it names and send again.',
      httpStatus: 400,
    });
  });

  it('request too large (413, a real 17 MB body)', async () => {
    const big = 'a'.repeat(999_000);
    const messages: ChatMessage[] = Array.from({ length: 17 }, (_, i) => ({
      role: i % 2 ? 'assistant' : 'user',
      content: big,
    }));
    const e = errorOf((await run(null, { messages })).end);
    expect(e.error).toMatchObject({
      code: 'too_large',
      message: 'This request is larger than Qwen accepts.',
      action: 'Remove some images or attachments, or start a new conversation with less history.',
      httpStatus: 413,
    });
  });

  it('server errors: 500 internal_error, 503 ModelUnavailable and ModelServingError, a bare 502', async () => {
    expect(errorOf((await run({ type: 'error', ...dashscopeErrors.internalError })).end).error).toMatchObject(
      {
        code: 'server',
        message: 'Qwen had an internal error.',
        action: 'Try again in a moment.',
        httpStatus: 500,
      },
    );
    expect(
      errorOf((await run({ type: 'error', ...dashscopeErrors.modelUnavailable })).end).error,
    ).toMatchObject({
      code: 'server',
      message: 'This model is unavailable right now.',
      action: 'Try again in a moment, or choose another model.',
      httpStatus: 503,
    });
    expect(
      errorOf((await run({ type: 'error', ...dashscopeErrors.modelServingError })).end).error,
    ).toMatchObject({
      code: 'server',
      message: 'Qwen is overloaded right now.',
      httpStatus: 503,
    });
    const bare = await run({
      type: 'raw',
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html>Bad Gateway</html>',
    });
    expect(errorOf(bare.end).error).toMatchObject({
      code: 'server',
      message: "Qwen's servers had a problem (HTTP 502).",
      httpStatus: 502,
    });
  });

  it('connection refused', async () => {
    const port = await closedPort();
    const e = errorOf((await run(null, { baseURL: `http://127.0.0.1:${port}/compatible-mode/v1` })).end);
    expect(e.error).toMatchObject({
      code: 'network',
      message: `Could not connect to 127.0.0.1:${port}: the connection was refused.`,
      action: 'Check the region or base URL in Settings, and the proxy setting.',
    });
  });

  it('DNS failure', async () => {
    const e = errorOf((await run(null, { baseURL: 'http://qwen-desk-test.invalid/compatible-mode/v1' })).end);
    expect(e.error).toMatchObject({
      code: 'network',
      message: 'Could not find qwen-desk-test.invalid: the name did not resolve (DNS).',
      action: 'Check your internet connection, the base URL and the proxy setting.',
    });
  });

  it('TLS failure (https to a server that does not speak it)', async () => {
    const e = errorOf((await run(null, { baseURL: `https://${host}/compatible-mode/v1` })).end);
    expect(e.error).toMatchObject({
      code: 'tls',
      message: `Could not make a secure connection to ${host}: the TLS handshake failed.`,
      action:
        'Check the base URL in Settings. If a company proxy inspects HTTPS traffic, set that proxy in Settings.',
    });
  });

  // Skipped, and says so, where openssl is not installed: it makes the certificate.
  it.skipIf(!hasOpenssl)('TLS failure (a certificate nobody trusts; needs openssl)', async () => {
    const { port, close } = await selfSignedServer();
    try {
      const e = errorOf((await run(null, { baseURL: `https://127.0.0.1:${port}/compatible-mode/v1` })).end);
      expect(e.error).toMatchObject({
        code: 'tls',
        message: `Could not make a secure connection to 127.0.0.1:${port}: its certificate is not trusted.`,
      });
    } finally {
      await close();
    }
  });

  it('connection reset, before the answer and in the middle of it', async () => {
    const before = errorOf((await run({ type: 'reset' })).end);
    expect(before.interrupted).toBe(false);
    expect(before.error).toMatchObject({
      code: 'network',
      message: 'The connection to Qwen was cut off.',
      action: 'Try again. If it keeps happening, check your network or proxy.',
    });
    const r = await run({ type: 'stream', tokens, resetAfter: 4 });
    const during = errorOf(r.end);
    expect(r.text).toBe(tokens.slice(0, 4).join(''));
    expect(during.interrupted).toBe(true);
    expect(during.error).toMatchObject({ code: 'network', message: 'The connection to Qwen was cut off.' });
  });

  it('a stream that ends without its end marker is an interrupted answer, not a finished one', async () => {
    const r = await run({ type: 'stream', tokens, endAfter: 4 });
    expect(r.text).toBe(tokens.slice(0, 4).join(''));
    expect(errorOf(r.end)).toMatchObject({
      interrupted: true,
      error: { code: 'network', message: 'The connection to Qwen was cut off.' },
    });
  });

  it('a native-style event:error frame on an HTTP 200 stream', async () => {
    const first = errorOf(
      (await run({ type: 'stream', tokens, nativeError: { afterTokens: 0, ...nativeThrottling } })).end,
    );
    expect(first.interrupted).toBe(false);
    expect(first.error).toMatchObject({
      code: 'quota',
      message: 'Your token quota for this model is used up for now.',
      action: 'Wait a minute and try again, or raise the quota in Model Studio.',
      detail: 'Allocated quota exceeded, please increase your quota limit.',
      httpStatus: 429,
    });
    const r = await run({ type: 'stream', tokens, nativeError: { afterTokens: 6, ...nativeThrottling } });
    expect(r.text).toBe(tokens.slice(0, 6).join(''));
    expect(errorOf(r.end)).toMatchObject({ interrupted: true, error: { code: 'quota', httpStatus: 429 } });
  });

  it('a stream that goes silent ends at the idle timeout, keeping what arrived', async () => {
    const r = await run({ type: 'stream', tokens, stallAfter: 3 }, { engine: { idleTimeoutMs: 600 } });
    const e = errorOf(r.end);
    expect(r.text).toBe(tokens.slice(0, 3).join(''));
    expect(e.interrupted).toBe(true);
    expect(e.error).toMatchObject({
      code: 'timeout',
      message: 'Qwen stopped sending for 0.6 s, so Qwen Desk stopped waiting.',
      action: 'Try again, or raise the idle timeout in Settings.',
    });
    const request = fake.chatRequests.at(-1)!;
    await request.ended;
    expect(request.aborted).toBe(true);
  });

  it('a server that never answers hits the connection / first-byte timeout', async () => {
    const e = errorOf((await run({ type: 'hang' }, { engine: { connectTimeoutMs: 300 } })).end);
    expect(e.error).toMatchObject({
      code: 'timeout',
      message: 'Qwen did not answer within 0.3 s.',
      action: 'Try again. If it keeps happening, check your connection or raise the timeout in Settings.',
    });
  });

  it('access denied (403)', async () => {
    const e = errorOf(
      (
        await run({
          type: 'error',
          status: 403,
          error: { message: 'Access denied.', type: 'access_denied', code: 'access_denied' },
        })
      ).end,
    );
    expect(e.error).toMatchObject({
      code: 'access_denied',
      message: 'Qwen refused access to this model for your account.',
      httpStatus: 403,
    });
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

/** An https server with a fresh self-signed certificate made by openssl. */
async function selfSignedServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-tls-'));
  const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  let key: Buffer;
  let cert: Buffer;
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    [key, cert] = [fs.readFileSync(keyFile), fs.readFileSync(certFile)];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const server = https.createServer({ key, cert }, (_req, res) => res.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
