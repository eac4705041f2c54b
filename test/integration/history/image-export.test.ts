import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedConversation } from '../../../electron/contract';
import { HistoryStore } from '../../../electron/history/history-store';
import { exportJson, exportMarkdown, importJson } from '../../../electron/history/export-import';
import { FakeDashScope } from '../../fake-dashscope/server';
import { call, tempHistoryDir } from '../../support/history';
import { generate, imageCore, jobIn } from '../imagegen/support';

let fake: FakeDashScope;
beforeEach(async () => {
  fake = await new FakeDashScope().start();
});
afterEach(() => fake.close());

/** A history with one image answer of two images (downloaded, kept), exported as JSON. */
async function exportedWithImages() {
  const dir = tempHistoryDir();
  const { core, jobs } = imageCore(fake, dir);
  const sent = await generate(core, {
    model: 'qwen-image-2.0',
    request: { prompt: 'Two cranes over the lake', n: 2, size: '1024*1024' },
  });
  const done = await jobIn(jobs, sent.assistantMessageId, 'done');
  await core.dispose();
  const store = HistoryStore.open(dir);
  try {
    return { exported: JSON.parse(JSON.stringify(exportJson(store))), done, markdown: exportMarkdown(store) };
  } finally {
    store.close();
  }
}

describe('image answers in the export (issue 14)', () => {
  it('an export carries the images, and an import brings them back by the same hash', async () => {
    const { exported, done, markdown } = await exportedWithImages();
    expect(markdown).toContain(`_Generated: ${done.images.map((i) => i.fileName).join(', ')}_`);
    const other = HistoryStore.open(tempHistoryDir());
    try {
      const { conversationIds, skipped } = importJson(other, exported);
      expect(skipped).toEqual([]);
      const page = other.page(conversationIds[0]!, { limit: 10 })! as OpenedConversation;
      const job = page.messages.at(-1)!.imageJob!;
      expect(job).toMatchObject({ state: 'done', billedImages: 2, model: 'qwen-image-2.0', taskId: null });
      expect(job.images.map((i) => [i.sha256, i.width])).toEqual(done.images.map((i) => [i.sha256, 1024]));
      // An export of the import is the same export.
      expect(JSON.parse(JSON.stringify(exportJson(other))).conversations[0].messages).toEqual(
        exported.conversations[0].messages,
      );
    } finally {
      other.close();
    }
  });

  it('skips a conversation whose "image" is not one, and takes an unfinished job as cut off', async () => {
    const { exported } = await exportedWithImages();
    const answer = exported.conversations[0].messages.at(-1);
    const tampered = structuredClone(exported);
    tampered.conversations[0].messages.at(-1).image.images[0].dataBase64 =
      Buffer.from('<svg onload=x>').toString('base64');
    const open = structuredClone(exported);
    Object.assign(open.conversations[0].messages.at(-1).image, {
      state: 'queued',
      finishedAt: null,
      images: [],
    });
    const store = HistoryStore.open(tempHistoryDir());
    try {
      const bad = importJson(store, tampered);
      expect(bad.conversationIds).toEqual([]);
      expect(bad.skipped[0]!.reason).toMatch(/not a PNG, JPEG or WebP/);
      const { conversationIds } = importJson(store, open);
      const job = store.page(conversationIds[0]!, { limit: 10 })!.messages.at(-1)!.imageJob!;
      expect(job).toMatchObject({ state: 'failed', error: { code: 'image_interrupted' }, images: [] });
      // Nothing of an imported job is ever polled: it has no task here.
      expect(store.imageJobs.open()).toEqual([]);
      expect(answer.image.images).toHaveLength(2);
    } finally {
      store.close();
    }
  });

  it('an image answer’s conversation opens in the core after an import', async () => {
    const { exported } = await exportedWithImages();
    const { core } = imageCore(fake, tempHistoryDir());
    try {
      const imported = await call(core, 'history.import', { text: JSON.stringify(exported) });
      const opened = (await call(core, 'history.open', {
        conversationId: imported.conversationIds[0]!,
      })) as OpenedConversation;
      const image = opened.messages.at(-1)!.imageJob!.images[0]!;
      expect(core.readAttachment(image.sha256)?.mimeType).toBe('image/png');
    } finally {
      await core.dispose();
    }
  });
});
