import { describe, expect, it } from 'vitest';
import { snippetParts } from '../../../electron/history/search';

describe('search snippets', () => {
  it('splits a marked snippet into plain and matched parts', () => {
    expect(snippetParts('…杭州\uE000西湖\uE001的龙井')).toEqual([
      { text: '…杭州', match: false },
      { text: '西湖', match: true },
      { text: '的龙井', match: false },
    ]);
    expect(snippetParts('no match here')).toEqual([{ text: 'no match here', match: false }]);
    expect(snippetParts('\uE000all\uE001')).toEqual([{ text: 'all', match: true }]);
  });
});
