/**
 * Attachments in the history (issue 10, item 7), on a real file: a JSON export carries the images
 * and an import restores them (byte for byte, checked as main checks what it is sent); Markdown
 * names them; deleting a conversation leaves none of an image's bytes in the data directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDashScope } from '../../fake-dashscope/server';
import { noisePng } from '../../support/image-fixtures';
import { buildHistoryCore, call, eventually, tempHistoryDir } from '../../support/history';
import type { AttachmentInput, SendResult } from '../../../electron/contract';
import type { Core } from '../../../electron/core/create-core';

const KEY = 'sk-history-attachments';

const imageOf = (data: Buffer, fileName: string): AttachmentInput => ({
  kind: 'image',
  fileName,
  mimeType: 'image/png',
  dataBase64: data.toString('base64'),
  width: data.readUInt32BE(16),
  height: data.readUInt32BE(20),
});

/** Every file under `dir`, read whole. */
const everyFile = (dir: string): Buffer[] =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name)));

describe('attachments in the history (issue 10)', () => {
  let fake: FakeDashScope;
  beforeAll(async () => {
    fake = await new FakeDashScope({ validKeys: [KEY] }).start();
  });
  afterAll(() => fake.close());

  const open = (dataDir = tempHistoryDir()) => ({
    dataDir,
    core: buildHistoryCore({ apiKey: KEY, baseURL: fake.baseURL, dataDir }),
  });
  const send = async (core: Core, attachments: AttachmentInput[]) => {
    const sent = (await call(core, 'history.send', {
      model: 'qwen3-vl-plus',
      content: 'Look.',
      attachments,
    })) as SendResult;
    await eventually(async () => {
      const p = await call(core, 'history.open', { conversationId: sent.conversationId });
      return p.messages.find((m) => m.id === sent.assistantMessageId)?.status === 'done';
    });
    return sent;
  };

  it('exports the images in JSON, imports them back byte for byte, and names them in Markdown', async () => {
    const image = noisePng(40);
    const a = open();
    const sent = await send(a.core, [
      imageOf(image, 'west-lake.png'),
      { kind: 'text', fileName: 'a.md', text: '# A' },
    ]);
    const json = await call(a.core, 'history.export', {
      conversationId: sent.conversationId,
      format: 'json',
    });
    const markdown = await call(a.core, 'history.export', {
      conversationId: sent.conversationId,
      format: 'markdown',
    });
    expect(markdown.text).toContain('_Attached: west-lake.png (40 × 40), a.md_');
    await a.core.dispose();

    const b = open();
    const imported = await call(b.core, 'history.import', { text: json.text });
    expect(imported.skipped).toEqual([]);
    const page = await call(b.core, 'history.open', { conversationId: imported.conversationIds[0]! });
    const question = page.messages.find((m) => m.role === 'user')!;
    expect(question.attachments?.map((x) => x.fileName)).toEqual(['west-lake.png', 'a.md']);
    expect(b.core.readAttachment(question.attachments![0]!.sha256)?.data.equals(image)).toBe(true);
    // An export of the import is the same file.
    expect(
      (await call(b.core, 'history.export', { conversationId: imported.conversationIds[0]!, format: 'json' }))
        .text,
    ).toBe(json.text);

    // A tampered image in an import skips its conversation, with the reason.
    const tampered = JSON.parse(json.text);
    tampered.conversations[0].messages[0].attachments[0].width = 41;
    const refused = await call(b.core, 'history.import', { text: JSON.stringify(tampered) });
    expect(refused.conversationIds).toEqual([]);
    expect(refused.skipped[0]!.reason).toMatch(/west-lake\.png.*header says 40 × 40/);
    await b.core.dispose();
  });

  it('deleting a conversation removes its image bytes from the data directory and the database file', async () => {
    const kept = noisePng(48);
    const doomed = noisePng(48);
    const { dataDir, core } = open();
    await send(core, [imageOf(kept, 'kept.png')]);
    const gone = await send(core, [imageOf(doomed, 'doomed.png')]);
    // A slice from the middle of the pixel data: random bytes, found only where the image is.
    const marker = (png: Buffer) => png.subarray(200, 264);
    const holds = (png: Buffer) => everyFile(dataDir).some((f) => f.includes(marker(png)));
    await eventually(() => holds(doomed));

    expect(await call(core, 'history.delete', { conversationId: gone.conversationId })).toEqual({
      deleted: true,
    });
    expect(holds(doomed)).toBe(false);
    expect(holds(kept)).toBe(true);
    await core.dispose();
    expect(holds(doomed)).toBe(false);
  });
});
