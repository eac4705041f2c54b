import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedSender } from '../../../electron/security/trusted-sender';

describe('isTrustedSender', () => {
  const trusted = [APP_ORIGIN, 'http://127.0.0.1:5173'];

  it('accepts the app page in the main frame', () => {
    expect(isTrustedSender({ url: 'app://qwen-desk/index.html', isMainFrame: true }, trusted)).toBe(true);
    expect(isTrustedSender({ url: 'http://127.0.0.1:5173/?x=1', isMainFrame: true }, trusted)).toBe(true);
  });

  it('refuses subframes, other origins, look-alikes and missing frames', () => {
    expect(isTrustedSender({ url: 'app://qwen-desk/', isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'app://qwen-desk.evil/', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:5174/', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'garbage', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender(null, trusted)).toBe(false);
  });
});
