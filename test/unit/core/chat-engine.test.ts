import { describe, expect, it } from 'vitest';
import { fallbackTitle } from '../../../electron/core/chat-engine';

describe('fallbackTitle', () => {
  it('keeps a short question whole, on one line', () => {
    expect(fallbackTitle('  What is\nWest Lake?  ')).toBe('What is West Lake?');
  });
  it('cuts a long question at a word boundary', () => {
    expect(fallbackTitle('Please explain the difference between qwen-plus and qwen-max in detail')).toBe(
      'Please explain the difference between…',
    );
  });
  it('cuts unsegmented Chinese text at 40 characters', () => {
    const q = '请详细解释一下通义千问各个模型之间的区别以及它们分别适合什么样的使用场景和任务类型谢谢你';
    expect(fallbackTitle(q)).toBe(`${q.slice(0, 40)}…`);
  });
  it('names an empty question', () => {
    expect(fallbackTitle('   ')).toBe('New chat');
  });
});
