import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/security/csp';

describe('contentSecurityPolicy', () => {
  it('allows no inline script, no eval, no objects, no framing in production', () => {
    const csp = contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:1234'] });
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:1234");
  });

  it('relaxes only script-src, and only for the dev server', () => {
    expect(contentSecurityPolicy({ dev: true })).toContain("script-src 'self' 'unsafe-inline'");
  });
});
