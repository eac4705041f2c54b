import { describe, expect, it } from 'vitest';
import { safeHref } from '../../../../renderer/src/features/markdown/safe-url';

describe('safeHref', () => {
  it('keeps web and mail addresses', () => {
    expect(safeHref('https://qwen.ai/x?y=1')).toBe('https://qwen.ai/x?y=1');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
  });
  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    '#anchor',
    '',
    null,
  ])('refuses %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });
});
