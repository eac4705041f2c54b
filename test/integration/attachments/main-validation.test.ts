/**
 * Main trusts nothing it is sent (issue 10, item 8), through the core exactly as the app builds it,
 * on a real history file and the loopback fake: every bad image is refused as `invalid_argument`
 * with a sentence naming the file, before anything is written or sent; a good one is stored once
 * per SHA-256 and goes on the wire as an `image_url` part before the text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope } from '../../fake-dashscope/server';
import { noisePng } from '../../support/image-fixtures';
import { buildHistoryCore, call, eventually, tempHistoryDir } from '../../support/history';
import type { AttachmentInput, SendResult } from '../../../electron/contract';
import type { Core } from '../../../electron/core/create-core';

const KEY = 'sk-attachments-test';
const png = (side: number) => noisePng(side);
const image = (
  data: Buffer,
  over: Partial<Extract<AttachmentInput, { kind: 'image' }>> = {},
): AttachmentInput => ({
  kind: 'image',
  fileName: 'shot.png',
  mimeType: 'image/png',
  dataBase64: data.toString('base64'),
  width: data.readUInt32BE(16),
  height: data.readUInt32BE(20),
  ...over,
});
/** A JPEG's first bytes: SOI, a JFIF APP0, and a baseline frame header of 640×480. */
const jpegHeader = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01,
  0x03, 0x11, 0x01,
]);

describe('attachments checked by main (issue 10)', () => {
  let fake: FakeDashScope;
  let core: Core;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
    core = buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir: tempHistoryDir() });
  });
  afterAll(async () => {
    await core.dispose();
    await fake.close();
  });

  const refused = async (attachments: AttachmentInput[], model = 'qwen3-vl-plus') => {
    const before = fake.chatRequests.length;
    const r = await core.invoke('history.send', { model, content: 'What is this?', attachments });
    const list = await call(core, 'history.list', {});
    expect(fake.chatRequests.length).toBe(before); // nothing sent
    if (r.ok) throw new Error('accepted');
    return { error: r.error, conversations: list.total };
  };

  it('refuses bytes that do not match, sizes that lie, too many images, and images for a model that cannot see', async () => {
    const good = png(16);
    const cases: Array<[AttachmentInput[], RegExp, string?]> = [
      [
        [image(good, { mimeType: 'image/jpeg' })],
        /"shot\.png" cannot be sent: it is declared as image\/jpeg but its bytes are image\/png/,
      ],
      [
        [image(Buffer.from('%PDF-1.4 not an image at all'), { width: 16, height: 16 })],
        /not a PNG, JPEG, WebP or GIF/,
      ],
      [[image(good, { width: 17 })], /its header says 16 × 16, not 17 × 16/],
      [[image(png(5))], /a side is under 10 px/],
      [
        [image(jpegHeader, { width: 640, height: 480 })],
        /declared as image\/png but its bytes are image\/jpeg/,
      ],
      [Array.from({ length: 21 }, () => image(good)), /at most 20 images/],
      [[{ ...image(good), dataBase64: 'not base64 at all!' } as AttachmentInput], /not valid base64/],
      [[image(good)], /Qwen-Plus cannot see images/, 'qwen-plus'],
    ];
    for (const [attachments, message, model] of cases) {
      const { error } = await refused(attachments, model ?? 'qwen3-vl-plus');
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toMatch(message);
    }
    // Refused before the transaction: no conversation was created by any of them.
    expect((await call(core, 'history.list', {})).total).toBe(0);
  });

  it('stores a good image once per SHA-256, sends it before the text with max_pixels, and serves it by hash', async () => {
    const data = png(64);
    const send = async () =>
      (await call(core, 'history.send', {
        model: 'qwen3-vl-plus',
        content: 'Describe it.',
        attachments: [image(data), { kind: 'text', fileName: 'notes.txt', text: 'hello' }],
      })) as SendResult;
    const first = await send();
    await send();
    const request = await eventually(() => fake.streamRequests.at(-1));
    expect(request.images?.[0]).toMatchObject({
      mime: 'image/png',
      width: 64,
      height: 64,
      maxPixels: 2_621_440,
    });
    const parts = (
      request.body as { messages: Array<{ content: Array<{ type: string; text?: string }> }> }
    ).messages.at(-1)!.content;
    expect(parts.map((p) => p.type)).toEqual(['image_url', 'text', 'text']);
    expect(parts[1]!.text).toBe('File: notes.txt\n\nhello');

    const page = await call(core, 'history.open', { conversationId: first.conversationId });
    const question = page.messages.find((m) => m.id === first.userMessageId)!;
    expect(question.attachments?.map((a) => [a.kind, a.fileName, a.width, a.height])).toEqual([
      ['image', 'shot.png', 64, 64],
      ['text', 'notes.txt', null, null],
    ]);
    const sha = question.attachments![0]!.sha256;
    expect(core.readAttachment(sha)?.data.equals(data)).toBe(true);
    // Text files are not served as images; unknown or malformed hashes are nothing.
    expect(core.readAttachment(question.attachments![1]!.sha256)).toBeNull();
    expect(core.readAttachment('../../etc/passwd')).toBeNull();
  });
});
