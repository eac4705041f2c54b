import { describe, expect, it } from 'vitest';
import { agoWords } from '../../../../renderer/src/features/answer-cache/ago';
import { translate, type MessageKey } from '../../../../renderer/src/i18n';

describe('how long ago a cached answer was saved', () => {
  const now = 1_000_000_000_000;
  const min = 60_000;
  it.each([
    ['en', 0, 'just now'],
    ['en', 59_000, 'just now'],
    ['en', 5 * min, '5 min ago'],
    ['en', 59 * min, '59 min ago'],
    ['en', 2 * 60 * min + 30 * min, '2 h ago'],
    ['zh-CN', 3 * 60 * min, '3 小时前'],
    ['zh-CN', 10 * min, '10 分钟前'],
    ['en', -5 * min, 'just now'], // a clock set back: never "in 5 min"
  ] as const)('%s, %i ms ago: %s', (locale, ago, words) => {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
    expect(agoWords(now - ago, now, t)).toBe(words);
    expect(t('cache.from', { ago: words })).toMatch(locale === 'en' ? /^From cache · / : /^来自缓存 · /);
  });
});
