import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../../electron/security/external-links';
import { followableLink } from '../../../electron/shared/link-schemes';
import { safeHref } from '../../../renderer/src/features/markdown/safe-url';

const corpus = [
  'https://help.aliyun.com/zh/model-studio/',
  'http://example.com',
  'mailto:someone@example.com',
  'mailto:someone@example.com?subject=hi&body=send%20me%20money',
  'mailto:a@b.c,evil@d.e',
  'mailto:%0d%0aBcc:x@y.z',
  'mailto:',
  'javascript:alert(1)',
  ' JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>',
  'vscode://x',
  'https://user:pw@example.com',
  '/relative/path',
  `https://example.com/${'a'.repeat(3000)}`,
];

describe('one list of link schemes for the renderer and main', () => {
  it('the renderer draws as a link exactly what main will open', () => {
    for (const url of corpus) {
      expect(safeHref(url) !== null, url).toBe(safeExternalUrl(url) !== null);
    }
  });

  it('opens plain mail addresses, but not a prefilled mail or several recipients', () => {
    expect(followableLink('mailto:someone@example.com')).toBe('mailto:someone@example.com');
    expect(followableLink('mailto:someone@example.com?subject=hi&body=x')).toBeNull();
    expect(followableLink('mailto:a@b.c,evil@d.e')).toBeNull();
    expect(followableLink('mailto:%0d%0aBcc:x@y.z')).toBeNull();
  });
});
