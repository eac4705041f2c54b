import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSyncAnswer, readTask, syncBody, taskBody } from '../../../electron/qwen/image-client';

describe('reading image answers (qwen-api-2026.md §2.2, §2.3)', () => {
  it('reads a sync answer: one link per image, usage as billed', () => {
    const answer = {
      output: {
        choices: [
          {
            finish_reason: 'stop',
            message: {
              role: 'assistant',
              content: [{ image: 'https://r.example/a.png' }, { image: 'https://r.example/b.png' }],
            },
          },
        ],
      },
      usage: { width: 1328, height: 1328, image_count: 2 },
    };
    expect(readSyncAnswer(answer)).toEqual({
      results: [{ url: 'https://r.example/a.png' }, { url: 'https://r.example/b.png' }],
      actualPrompt: null,
      imageCount: 2,
    });
    // qwen-image-3.0's usage names (§2.2).
    expect(readSyncAnswer({ usage: { output_image_count: 3 } }).imageCount).toBe(3);
  });

  it('reads every task status, a failed task’s code, and a refused result among several', () => {
    for (const status of ['PENDING', 'RUNNING', 'CANCELED', 'UNKNOWN'])
      expect(readTask({ output: { task_id: 't', task_status: status } })).toMatchObject({
        status,
        results: [],
      });
    expect(readTask({ output: { task_status: 'SUSPENDED' } }).status).toBe('UNKNOWN');
    expect(
      readTask({
        output: {
          task_status: 'FAILED',
          code: 'DataInspectionFailed',
          message: 'Output data may contain inappropriate content.',
        },
      }),
    ).toMatchObject({ status: 'FAILED', error: { code: 'DataInspectionFailed' } });
    expect(
      readTask({
        output: {
          task_status: 'SUCCEEDED',
          results: [
            { orig_prompt: 'a', actual_prompt: 'a, detailed', url: 'https://r.example/1.png' },
            { code: 'DataInspectionFailed', message: 'refused' },
          ],
        },
        usage: { image_count: 1 },
      }),
    ).toEqual({
      status: 'SUCCEEDED',
      results: [{ url: 'https://r.example/1.png' }, { code: 'DataInspectionFailed', message: 'refused' }],
      actualPrompt: 'a, detailed',
      imageCount: 1,
      error: null,
    });
  });

  it('never throws on a body of any shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        readTask(value);
        readSyncAnswer(value);
        readTask({ output: value, usage: value });
        readSyncAnswer({ output: { choices: [{ message: { content: value } }] } });
      }),
      { numRuns: 300 },
    );
  });

  it('builds the two request shapes: messages for sync (edit images first), input.prompt for a task', () => {
    const request = {
      prompt: 'p',
      negativePrompt: 'n',
      size: '1024*1024',
      n: 2,
      seed: 1,
      promptExtend: false,
      watermark: false,
    };
    expect(syncBody('qwen-image-edit', request, ['data:image/png;base64,AAAA'])).toEqual({
      model: 'qwen-image-edit',
      input: {
        messages: [{ role: 'user', content: [{ image: 'data:image/png;base64,AAAA' }, { text: 'p' }] }],
      },
      parameters: {
        negative_prompt: 'n',
        size: '1024*1024',
        n: 2,
        prompt_extend: false,
        watermark: false,
        seed: 1,
      },
    });
    expect(taskBody('wan2.2-t2i-flash', request)).toEqual({
      model: 'wan2.2-t2i-flash',
      input: { prompt: 'p', negative_prompt: 'n' },
      parameters: { size: '1024*1024', n: 2, prompt_extend: false, watermark: false, seed: 1 },
    });
  });
});
