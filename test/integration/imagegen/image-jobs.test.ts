import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageJobView, OpenedConversation } from '../../../electron/contract';
import { readImageHeader } from '../../../electron/shared/image-header';
import { HistoryStore } from '../../../electron/history/history-store';
import { FakeDashScope } from '../../fake-dashscope/server';
import { call, tempHistoryDir } from '../../support/history';
import { generate, imageCore, imageRequests, jobIn } from './support';

let fake: FakeDashScope;
beforeEach(async () => {
  fake = await new FakeDashScope().start();
});
afterEach(() => fake.close());

describe('image generation, synchronous (multimodal-generation)', () => {
  it('sends the documented body, keeps every image by hash, and bills what was made', async () => {
    const { core, jobs } = imageCore(fake, tempHistoryDir());
    try {
      const sent = await generate(core, {
        model: 'qwen-image-2.0',
        request: {
          prompt: 'A cat on a windowsill, watercolor',
          negativePrompt: 'blurry',
          size: '1024*1024',
          n: 2,
          seed: 42,
          promptExtend: false,
          watermark: true,
        },
      });
      expect(sent.job).toMatchObject({ state: 'submitting', api: 'sync', images: [] });
      const done = await jobIn(jobs, sent.assistantMessageId, 'done', 'failed');
      expect(done).toMatchObject({ state: 'done', billedImages: 2, failedImages: 0, error: null });
      expect(done.images).toHaveLength(2);
      for (const image of done.images) {
        expect(image).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 1024, height: 1024 });
        const blob = core.readAttachment(image.sha256)!;
        expect(readImageHeader(blob.data)).toMatchObject({ width: 1024, height: 1024 });
      }
      const [request, ...more] = imageRequests(fake);
      expect(more).toEqual([]);
      expect(request!.path).toBe('/api/v1/services/aigc/multimodal-generation/generation');
      expect(request!.headers['x-dashscope-async']).toBeUndefined();
      expect(request!.body).toEqual({
        model: 'qwen-image-2.0',
        input: { messages: [{ role: 'user', content: [{ text: 'A cat on a windowsill, watercolor' }] }] },
        parameters: {
          negative_prompt: 'blurry',
          size: '1024*1024',
          n: 2,
          prompt_extend: false,
          watermark: true,
          seed: 42,
        },
      });
      // Both links fetched once each, without the API key.
      expect(fake.images.downloads.map((d) => d.status)).toEqual([200, 200]);
      // The conversation shows the prompt as the question and the job as the answer.
      const opened = await call(core, 'history.open', { conversationId: sent.conversationId });
      const [question, answer] = (opened as OpenedConversation).messages;
      expect(question).toMatchObject({ role: 'user', content: 'A cat on a windowsill, watercolor' });
      expect(answer!.imageJob).toMatchObject({ state: 'done', billedImages: 2 });
    } finally {
      await core.dispose();
    }
  });

  it('edits a kept image: the image goes first as a data URL, then the instruction', async () => {
    const { core, jobs } = imageCore(fake, tempHistoryDir());
    try {
      const first = await generate(core, { model: 'qwen-image-max', request: { prompt: 'A red kite' } });
      const made = await jobIn(jobs, first.assistantMessageId, 'done');
      const sha = made.images[0]!.sha256;
      const edit = await generate(core, {
        conversationId: first.conversationId,
        model: 'qwen-image-edit-plus',
        request: { prompt: 'Make the kite blue' },
        editImages: [sha],
      });
      const edited = await jobIn(jobs, edit.assistantMessageId, 'done', 'failed');
      expect(edited.state).toBe('done');
      const body = imageRequests(fake).at(-1)!.body as {
        model: string;
        input: { messages: Array<{ content: Array<{ image?: string; text?: string }> }> };
      };
      expect(body.model).toBe('qwen-image-edit-plus');
      const [image, text] = body.input.messages[0]!.content;
      const expected = core.readAttachment(sha)!.data.toString('base64');
      expect(image!.image).toBe(`data:image/png;base64,${expected}`);
      expect(text).toEqual({ text: 'Make the kite blue' });
      // The edit's question carries the image it changes.
      const opened = (await call(core, 'history.open', {
        conversationId: first.conversationId,
      })) as OpenedConversation;
      expect(opened.messages.at(-2)!.attachments?.map((a) => a.sha256)).toEqual([sha]);
    } finally {
      await core.dispose();
    }
  });

  it('refuses a request that breaks the model’s rules before anything is sent', async () => {
    const { core } = imageCore(fake, tempHistoryDir());
    try {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ model: 'qwen-image', request: { prompt: 'x', n: 2 } }, /exactly 1 image/],
        [{ model: 'qwen-image-2.0', request: { prompt: 'x', n: 7 } }, /1 to 6 images/],
        [{ model: 'qwen-image', request: { prompt: 'x', size: '1024*1024' } }, /cannot draw 1024 × 1024/],
        [{ model: 'qwen-image-max', request: { prompt: '字'.repeat(801) } }, /at most 800 characters/],
        [{ model: 'qwen-image-max', request: { prompt: 'x', negativePrompt: 'n'.repeat(501) } }, /500/],
        [{ model: 'qwen-image-max', request: { prompt: 'x', seed: -1 } }, /seed/],
        [{ model: 'qwen-image-edit', request: { prompt: 'x' } }, /needs the image/],
        [{ model: 'qwen-plus', request: { prompt: 'x' } }, /not an image model/],
      ];
      for (const [arg, reason] of cases) {
        const r = await core.invoke('image.generate', arg);
        expect(r.ok, JSON.stringify(arg).slice(0, 80)).toBe(false);
        if (!r.ok)
          expect(r.error).toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(reason) });
      }
      expect(imageRequests(fake)).toEqual([]);
    } finally {
      await core.dispose();
    }
  });

  it('says so in words when moderation refuses the prompt, and bills nothing', async () => {
    const { core, jobs } = imageCore(fake, tempHistoryDir());
    try {
      const sent = await generate(core, { model: 'qwen-image-max', request: { prompt: 'moderation test' } });
      const failed = await jobIn(jobs, sent.assistantMessageId, 'failed');
      expect(failed.error).toMatchObject({
        code: 'moderation',
        message: expect.stringMatching(/safety check/),
      });
      expect(failed).toMatchObject({ billedImages: 0, images: [] });
    } finally {
      await core.dispose();
    }
  });
});

describe('image generation, asynchronous (a task, polled)', () => {
  it('saves the task id, goes Queued → Drawing → done, polls on the 3 s schedule', async () => {
    const { core, jobs, clock } = imageCore(fake, tempHistoryDir());
    try {
      const sent = await generate(core, {
        model: 'qwen-image',
        request: { prompt: 'Lanterns over West Lake', size: '1328*1328', promptExtend: true },
      });
      const queued = await jobIn(jobs, sent.assistantMessageId, 'queued');
      expect(queued.taskId).toMatch(/^[0-9a-f-]{36}$/);
      await jobIn(jobs, sent.assistantMessageId, 'running');
      const done = await jobIn(jobs, sent.assistantMessageId, 'done', 'failed');
      expect(done).toMatchObject({
        state: 'done',
        billedImages: 1,
        actualPrompt: 'Lanterns over West Lake, rich detail, soft light',
      });
      expect(done.images[0]).toMatchObject({ width: 1328, height: 1328 });
      const wire = imageRequests(fake);
      const create = wire[0]!;
      expect(create.path).toBe('/api/v1/services/aigc/text2image/image-synthesis');
      expect(create.headers['x-dashscope-async']).toBe('enable');
      expect(create.body).toEqual({
        model: 'qwen-image',
        input: { prompt: 'Lanterns over West Lake' },
        parameters: { size: '1328*1328', prompt_extend: true },
      });
      // PENDING, RUNNING, SUCCEEDED: three polls, each after a 3 s wait.
      expect(wire.slice(1).map((r) => `${r.method} ${r.path}`)).toEqual(
        Array(3).fill(`GET /api/v1/tasks/${queued.taskId}`),
      );
      expect(clock.waits.filter((w) => w === 3000).length).toBeGreaterThanOrEqual(3);
    } finally {
      await core.dispose();
    }
  });

  it('cancels a task while it is PENDING, and refuses once it is drawing', async () => {
    fake.images.hold = true;
    const { core, jobs } = imageCore(fake, tempHistoryDir());
    try {
      const sent = await generate(core, {
        model: 'wan2.2-t2i-flash',
        request: { prompt: 'A quiet harbour' },
      });
      await jobIn(jobs, sent.assistantMessageId, 'queued');
      const cancelled = await call(core, 'image.cancel', { messageId: sent.assistantMessageId });
      expect((cancelled as { job: ImageJobView }).job).toMatchObject({ state: 'canceled', billedImages: 0 });
      const taskId = (cancelled as { job: ImageJobView }).job.taskId!;
      expect(fake.images.tasks.get(taskId)!.status).toBe('CANCELED');
      expect(imageRequests(fake).some((r) => r.path === `/api/v1/tasks/${taskId}/cancel`)).toBe(true);

      fake.images.release();
      const second = await generate(core, {
        model: 'wan2.2-t2i-flash',
        request: { prompt: 'A busy harbour' },
      });
      await jobIn(jobs, second.assistantMessageId, 'running');
      const late = await core.invoke('image.cancel', { messageId: second.assistantMessageId });
      expect(late.ok).toBe(false);
      if (!late.ok) expect(late.error.code).toBe('invalid_argument');
      await jobIn(jobs, second.assistantMessageId, 'done');
    } finally {
      await core.dispose();
    }
  });

  it('stops polling a task whose answer was deleted, and the core goes on', async () => {
    fake.images.hold = true;
    const { core, jobs } = imageCore(fake, tempHistoryDir());
    try {
      const sent = await generate(core, { model: 'wan2.2-t2i-flash', request: { prompt: 'Gone soon' } });
      await jobIn(jobs, sent.assistantMessageId, 'queued');
      await call(core, 'history.message.delete', { messageId: sent.assistantMessageId });
      const polls = () => imageRequests(fake).filter((r) => r.method === 'GET').length;
      const after = polls();
      // Ten poll periods at this clock (3 s = 30 ms): at most the one already on its way.
      await new Promise((r) => setTimeout(r, 300));
      expect(polls() - after).toBeLessThanOrEqual(1);
      // The core still answers, and makes images.
      fake.images.release();
      const next = await generate(core, { model: 'qwen-image-max', request: { prompt: 'Still here' } });
      await jobIn(jobs, next.assistantMessageId, 'done');
    } finally {
      await core.dispose();
    }
  });

  it('keeps the successes of a task where one image was refused, and bills only those', async () => {
    const { core, jobs } = imageCore(fake, tempHistoryDir());
    try {
      const sent = await generate(core, {
        model: 'wan2.2-t2i-plus',
        request: { prompt: 'two birds, one refused', n: 2 },
      });
      const done = await jobIn(jobs, sent.assistantMessageId, 'done', 'failed');
      expect(done).toMatchObject({ state: 'done', billedImages: 1, failedImages: 1 });
      expect(done.images).toHaveLength(1);
      expect(done.error).toMatchObject({ code: 'moderation' });
    } finally {
      await core.dispose();
    }
  });

  it('a FAILED task (moderation) ends with the human message and no cost', async () => {
    const { core, jobs } = imageCore(fake, tempHistoryDir());
    try {
      const sent = await generate(core, {
        model: 'qwen-image-plus',
        request: { prompt: 'moderation please' },
      });
      const failed = await jobIn(jobs, sent.assistantMessageId, 'failed');
      expect(failed).toMatchObject({ billedImages: 0, error: { code: 'moderation' } });
    } finally {
      await core.dispose();
    }
  });
});

describe('image tasks across a restart, and links that expire', () => {
  it('polls a PENDING task again on the next start, and keeps the image', async () => {
    const dir = tempHistoryDir();
    fake.images.hold = true;
    const first = imageCore(fake, dir);
    const sent = await generate(first.core, { model: 'qwen-image', request: { prompt: 'Morning fog' } });
    const queued = await jobIn(first.jobs, sent.assistantMessageId, 'queued');
    await first.core.dispose();
    const polledBefore = imageRequests(fake).length;

    fake.images.release();
    const second = imageCore(fake, dir);
    try {
      const done = await jobIn(second.jobs, sent.assistantMessageId, 'done');
      expect(done.taskId).toBe(queued.taskId);
      expect(imageRequests(fake).length).toBeGreaterThan(polledBefore);
      // The first poll of the new run goes at once (no new task was created).
      expect(imageRequests(fake).filter((r) => r.method === 'POST')).toHaveLength(1);
    } finally {
      await second.core.dispose();
    }
  });

  it('still shows a downloaded image after its link expired', async () => {
    const dir = tempHistoryDir();
    const first = imageCore(fake, dir);
    const sent = await generate(first.core, { model: 'qwen-image-max', request: { prompt: 'A lighthouse' } });
    const done = await jobIn(first.jobs, sent.assistantMessageId, 'done');
    await first.core.dispose();
    fake.images.expireLinks();
    const second = imageCore(fake, dir);
    try {
      const opened = (await call(second.core, 'history.open', {
        conversationId: sent.conversationId,
      })) as OpenedConversation;
      const job = opened.messages.at(-1)!.imageJob!;
      expect(job.images.map((i) => i.sha256)).toEqual(done.images.map((i) => i.sha256));
      expect(second.core.readAttachment(job.images[0]!.sha256)?.mimeType).toBe('image/png');
    } finally {
      await second.core.dispose();
    }
  });

  it('says the link expired when a result could not be downloaded in time', async () => {
    fake.images.linkLifetimeMs = 0;
    const { core, jobs } = imageCore(fake, tempHistoryDir());
    try {
      const sent = await generate(core, { model: 'qwen-image-max', request: { prompt: 'Too late' } });
      const failed = await jobIn(jobs, sent.assistantMessageId, 'failed');
      expect(failed.error).toMatchObject({
        code: 'result_expired',
        message: expect.stringMatching(/expired/),
      });
      expect(fake.images.downloads.map((d) => d.status)).toEqual([403]);
    } finally {
      await core.dispose();
    }
  });

  it('a request cut by a quit before it had a task is settled with a reason at the next start', async () => {
    const dir = tempHistoryDir();
    // What a quit in the middle of a sync call leaves: the job still "submitting", no task id.
    const store = HistoryStore.open(dir);
    const conversationId = store.conversations.create({ now: 1, model: 'qwen-image-max' });
    const question = store.messages.insert({
      conversationId,
      parentId: null,
      role: 'user',
      content: 'Never drawn',
      now: 1,
    });
    const answer = store.messages.insert({
      conversationId,
      parentId: question,
      role: 'assistant',
      content: '',
      status: 'done',
      now: 1,
    });
    store.imageJobs.insert({
      messageId: answer,
      model: 'qwen-image-max',
      api: 'sync',
      request: { prompt: 'Never drawn' },
      editImages: [],
      now: 1,
    });
    store.conversations.setLeaf(conversationId, answer);
    store.close();

    const { core } = imageCore(fake, dir);
    try {
      const opened = (await call(core, 'history.open', { conversationId })) as OpenedConversation;
      expect(opened.messages.at(-1)!.imageJob).toMatchObject({
        state: 'failed',
        error: {
          code: 'image_interrupted',
          message: expect.stringMatching(/closed before this image was ready/),
        },
      });
      expect(imageRequests(fake)).toEqual([]); // nothing sent again: it could be billed twice
    } finally {
      await core.dispose();
    }
  });
});
