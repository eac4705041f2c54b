import { describe, expect, it } from 'vitest';
import { dictionaries, localeFor, translate } from '../../../renderer/src/i18n';

describe('i18n', () => {
  it('has every English key in Simplified Chinese, translated', () => {
    const en = Object.keys(dictionaries.en).sort();
    expect(Object.keys(dictionaries['zh-CN']).sort()).toEqual(en);
    for (const key of en) expect(dictionaries['zh-CN'][key as keyof typeof dictionaries.en]).toBeTruthy();
  });

  it('follows the system language', () => {
    expect(localeFor('zh-CN')).toBe('zh-CN');
    expect(localeFor('zh-Hans-SG')).toBe('zh-CN');
    expect(localeFor('en-US')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });

  it('translates the names tests and screen readers rely on', () => {
    expect(translate('en', 'composer.send')).toBe('Send');
    expect(translate('zh-CN', 'composer.send')).toBe('发送');
  });
});
