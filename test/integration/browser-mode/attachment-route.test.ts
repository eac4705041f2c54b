/**
 * Browser mode's image route (issue 10): `/attachment/<sha256>` answers only with this run's token,
 * never to another site's request, and serves only images some message holds, by hash.
 */
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-mode/host';
import { FakeDashScope } from '../../fake-dashscope/server';
import { buildHistoryCore, call, tempHistoryDir } from '../../support/history';
import { noisePng } from '../../support/image-fixtures';
import type { SendResult } from '../../../electron/contract';

const KEY = 'sk-attachment-route';

function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string | undefined; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

describe('browser mode serves history images by hash (issue 10)', () => {
  let fake: FakeDashScope;
  let host: BrowserHost;
  const image = noisePng(24);
  let sha = '';
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
    const core = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir: tempHistoryDir() });
    host = await startBrowserHost({
      core,
      rendererDir: path.resolve('test/integration/browser-mode/fixture-renderer'),
      port: 0,
    });
    const sent = (await call(core, 'history.send', {
      model: 'qwen3-vl-plus',
      content: 'Look.',
      attachments: [
        {
          kind: 'image',
          fileName: 'a.png',
          mimeType: 'image/png',
          dataBase64: image.toString('base64'),
          width: 24,
          height: 24,
        },
      ],
    })) as SendResult;
    const page = await call(core, 'history.open', { conversationId: sent.conversationId });
    sha = page.messages[0]!.attachments![0]!.sha256;
  });
  afterAll(async () => {
    await host.close();
    await fake.close();
  });

  it('answers with the token, refuses without it or from another site, 404 for an unknown hash', async () => {
    const url = (hash: string, token = host.token) => `${host.origin}/attachment/${hash}?token=${token}`;
    const ok = await get(url(sha), { 'sec-fetch-site': 'same-origin' });
    expect(ok.status).toBe(200);
    expect(ok.type).toBe('image/png');
    expect(ok.body.equals(image)).toBe(true);
    expect((await get(`${host.origin}/attachment/${sha}`)).status).toBe(401);
    expect((await get(url(sha, 'wrong'))).status).toBe(401);
    expect((await get(url(sha), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get(url('0'.repeat(64)))).status).toBe(404);
    expect((await get(url('..%2F..%2Fhistory.sqlite3'))).status).toBe(404);
  });
});
