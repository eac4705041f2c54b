import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../../electron/security/external-links';

describe('safeExternalUrl', () => {
  it('passes plain http(s) links', () => {
    expect(safeExternalUrl('https://www.alibabacloud.com/help/en/model-studio')).toBe(
      'https://www.alibabacloud.com/help/en/model-studio',
    );
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/');
  });

  it('refuses every other scheme, credentials, and oversized or non-string input', () => {
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'vscode://x',
      'ms-msdt:/id',
      'data:text/html,<script>',
      'https://user:pw@example.com',
      'https://',
      `https://example.com/${'a'.repeat(3000)}`,
      42,
      null,
    ]) {
      expect(safeExternalUrl(bad), String(bad).slice(0, 40)).toBeNull();
    }
  });
});
