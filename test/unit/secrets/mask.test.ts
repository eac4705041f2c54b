import { describe, expect, it } from 'vitest';
import { cleanKey, maskKey } from '../../../electron/secrets/mask';

describe('maskKey', () => {
  it('shows the prefix and the last four characters only', () => {
    expect(maskKey('sk-0123456789abcdef0123456789abcd')).toBe('sk-…abcd');
  });
  it('shows nothing of a key too short to mask safely', () => {
    expect(maskKey('sk-12345678')).toBe('sk-…');
    expect(maskKey('abc')).toBe('…');
  });
  it('masks keys without the sk- prefix too', () => {
    expect(maskKey('0123456789abcdefWXYZ')).toBe('…WXYZ');
  });
});

describe('cleanKey', () => {
  it('drops spaces, tabs and line breaks a paste brings along', () => {
    expect(cleanKey('  sk-abc\r\n')).toBe('sk-abc');
    expect(cleanKey('sk-ab\ncd\t')).toBe('sk-abcd');
  });
});
