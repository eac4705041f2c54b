import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadResult, loopbackOrigin, resultUrlAllowed } from '../../../electron/imagegen/result-download';
import { AppErrorException } from '../../../electron/shared/app-error';
import { noisePng } from '../../support/image-fixtures';

/** A loopback result host: `/ok.png`, `/big.png`, `/text`, `/gif`, `/expired`, `/redirect`, `/liar`. */
const png = noisePng(32);
const seen: http.IncomingHttpHeaders[] = [];
let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    const path = (req.url ?? '').split('?')[0];
    if (path === '/ok.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (path === '/big.png')
      return res.writeHead(200, { 'content-length': String(10_000_000) }).end(Buffer.alloc(10_000_000));
    // A body larger than announced (no length): the cap still stops it.
    if (path === '/liar') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(png);
      return res.end(Buffer.alloc(3_000_000));
    }
    if (path === '/text')
      return res.writeHead(200, { 'content-type': 'image/png' }).end('<html>not an image</html>');
    if (path === '/gif')
      return res.writeHead(200).end(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    if (path === '/expired') return res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>');
    if (path === '/redirect') return res.writeHead(302, { location: 'http://example.invalid/x.png' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: unknown) => (err instanceof AppErrorException ? err.appError.code : String(err)),
  );

describe('downloading a result image', () => {
  it('takes a PNG from the allowed loopback origin, with no key, cookie or credentials sent', async () => {
    const image = await downloadResult(`${origin}/ok.png?Expires=1&Signature=x`, { allowedOrigin: origin });
    expect(image).toMatchObject({ mime: 'image/png', width: 32, height: 32 });
    expect(image.data.equals(png)).toBe(true);
    expect(seen.at(-1)).not.toHaveProperty('authorization');
    expect(seen.at(-1)).not.toHaveProperty('cookie');
  });

  it('only fetches HTTPS links: plain http is refused unless it is the one test origin', async () => {
    expect(await codeOf(downloadResult(`${origin}/ok.png`))).toBe('bad_image');
    expect(resultUrlAllowed('https://dashscope-result-sh.oss-cn-shanghai.aliyuncs.com/a.png?Expires=1')).toBe(
      true,
    );
    expect(resultUrlAllowed('http://dashscope-result.oss.aliyuncs.com/a.png')).toBe(false);
    expect(resultUrlAllowed('https://user:pw@example.com/a.png')).toBe(false);
    expect(resultUrlAllowed('file:///etc/passwd', origin)).toBe(false);
    expect(resultUrlAllowed('javascript:alert(1)')).toBe(false);
    // The override names loopback origins only: it can never open plain http to a real host.
    expect(loopbackOrigin('http://example.com:8080')).toBeNull();
    expect(loopbackOrigin('http://127.0.0.1:9/path')).toBe('http://127.0.0.1:9');
    expect(loopbackOrigin('')).toBeNull();
  });

  it('refuses what is not an image, an animated GIF, a body over the cap, and redirects', async () => {
    const opts = { allowedOrigin: origin, maxBytes: 2_000_000 };
    expect(await codeOf(downloadResult(`${origin}/text`, opts))).toBe('bad_image');
    expect(await codeOf(downloadResult(`${origin}/gif`, opts))).toBe('bad_image');
    expect(await codeOf(downloadResult(`${origin}/big.png`, opts))).toBe('too_large');
    expect(await codeOf(downloadResult(`${origin}/liar`, opts))).toBe('too_large');
    expect(await codeOf(downloadResult(`${origin}/redirect`, opts))).toBe('network');
    expect(await codeOf(downloadResult(`${origin}/missing`, opts))).toBe('network');
  });

  it('names an expired link as such (OSS answers 403)', async () => {
    expect(await codeOf(downloadResult(`${origin}/expired`, { allowedOrigin: origin }))).toBe(
      'result_expired',
    );
  });
});
