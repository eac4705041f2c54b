import { describe, expect, it } from 'vitest';
import { cleanTitle } from '../../../electron/core/chat-engine';

describe('cleanTitle', () => {
  it('keeps the first line, without quotes, a "Title:" prefix or a final full stop', () => {
    expect(cleanTitle('"West Lake in Hangzhou."\n')).toBe('West Lake in Hangzhou');
    expect(cleanTitle('\n\nTitle: Tea of Hangzhou\nMore text')).toBe('Tea of Hangzhou');
    expect(cleanTitle('标题：《西湖的四季》。')).toBe('西湖的四季');
  });
  it('drops thinking a model put inline, and gives nothing for an empty answer', () => {
    expect(cleanTitle('<think>hmm</think>Longjing tea')).toBe('Longjing tea');
    expect(cleanTitle('  \n ""')).toBeNull();
  });
  it('cuts a long line at 60 characters', () => {
    expect(cleanTitle('x'.repeat(100))).toBe(`${'x'.repeat(59)}…`);
  });
});
