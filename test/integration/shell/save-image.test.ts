import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImageSaver, type SaveDialog } from '../../../electron/shell/save-image';
import { FakeDashScope } from '../../fake-dashscope/server';
import { tempHistoryDir } from '../../support/history';
import { scaledClock } from '../../support/scaled-clock';
import { generate, imageCore, jobIn } from '../imagegen/support';

let fake: FakeDashScope;
beforeEach(async () => {
  fake = await new FakeDashScope().start();
});
afterEach(() => fake.close());

/** Electron's save dialog, as the shell passes it: answers with `choice` (null = Cancel), records what it was asked. */
function dialog(choice: string | null) {
  const asked: Array<Parameters<SaveDialog['showSaveDialog']>[0]> = [];
  const stub = {
    showSaveDialog: async (options: Parameters<SaveDialog['showSaveDialog']>[0]) => {
      asked.push(options);
      return choice ? { canceled: false, filePath: choice } : { canceled: true, filePath: '' };
    },
  } as unknown as SaveDialog;
  return { stub, asked };
}

describe('"Save image"', () => {
  it('in Electron: the save dialog, then the kept bytes written where the person chose', async () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-save-')), 'kite.png');
    const { stub, asked } = dialog(target);
    const saveImage = createImageSaver(stub, '/home/someone/Downloads');
    const { core, jobs } = imageCore(fake, tempHistoryDir(), scaledClock(100), { saveImage });
    try {
      const sent = await generate(core, { model: 'qwen-image-max', request: { prompt: 'A kite' } });
      const image = (await jobIn(jobs, sent.assistantMessageId, 'done')).images[0]!;
      const r = await core.invoke('image.save', { sha256: image.sha256, fileName: '../../etc/evil.png' });
      // A file name with slashes never reaches the dialog: the contract refuses it.
      expect(r.ok).toBe(false);
      const saved = await core.invoke('image.save', { sha256: image.sha256, fileName: image.fileName });
      expect(saved).toEqual({ ok: true, value: { saved: true, download: false } });
      expect(asked[0]).toMatchObject({ defaultPath: path.join('/home/someone/Downloads', image.fileName) });
      expect(fs.readFileSync(target).equals(core.readAttachment(image.sha256)!.data)).toBe(true);

      const unknown = await core.invoke('image.save', { sha256: 'a'.repeat(64), fileName: 'x.png' });
      expect(unknown.ok || unknown.error.code).toBe('not_found');
    } finally {
      await core.dispose();
    }
  });

  it('a cancelled dialog writes nothing; browser mode (no dialog) asks the page to download', async () => {
    const { stub } = dialog(null);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-save-'));
    const saver = createImageSaver(stub, dir);
    expect(await saver('a.png', Buffer.from('x'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);

    const { core, jobs } = imageCore(fake, tempHistoryDir());
    try {
      const sent = await generate(core, { model: 'qwen-image-max', request: { prompt: 'A kite' } });
      const image = (await jobIn(jobs, sent.assistantMessageId, 'done')).images[0]!;
      const r = await core.invoke('image.save', { sha256: image.sha256, fileName: image.fileName });
      expect(r).toEqual({ ok: true, value: { saved: false, download: true } });
    } finally {
      await core.dispose();
    }
  });
});
