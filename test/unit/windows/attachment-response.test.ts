import { describe, expect, it } from 'vitest';
import { attachmentResponse } from '../../../electron/windows/attachment-response';

const sha = 'a'.repeat(64);
const read = (s: string) => (s === sha ? { mimeType: 'image/png', data: Buffer.from('png bytes') } : null);

describe('app://qwen-desk/attachment/<sha256> (issue 10)', () => {
  it('answers an image by hash, with nosniff and a closed CSP', async () => {
    const res = attachmentResponse(`app://qwen-desk/attachment/${sha}`, read)!;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('png bytes');
  });

  it('is 404 for an unknown hash and null (the page) for any other URL', () => {
    expect(attachmentResponse(`app://qwen-desk/attachment/${'b'.repeat(64)}`, read)!.status).toBe(404);
    expect(attachmentResponse('app://qwen-desk/index.html', read)).toBeNull();
    expect(attachmentResponse(`app://evil/attachment/${sha}`, read)).toBeNull();
    expect(attachmentResponse('not a url', read)).toBeNull();
  });
});
