import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PREFILL_CHARS,
  cleanPrefill,
  parseDeepLink,
  parseLaunchArgs,
} from '../../../electron/shell/launch-args';

// C0 and C1 controls but \t and \n: what a pre-fill must never carry.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const exe = ['/opt/Qwen Desk/qwen-desk', '/opt/Qwen Desk/resources/app.asar'];

describe('parseLaunchArgs', () => {
  it('reads --quick-ask with and without text, and --quick-ask=text', () => {
    expect(parseLaunchArgs([...exe, '--quick-ask'])).toEqual({ kind: 'quick-ask', prefill: null });
    expect(parseLaunchArgs([...exe, '--quick-ask', 'What is Qwen?'])).toEqual({
      kind: 'quick-ask',
      prefill: 'What is Qwen?',
    });
    expect(parseLaunchArgs([...exe, '--quick-ask=two\nlines'])).toEqual({
      kind: 'quick-ask',
      prefill: 'two\nlines',
    });
    // A following switch (Chromium adds its own) is not the text.
    expect(parseLaunchArgs([...exe, '--quick-ask', '--enable-features=X'])).toEqual({
      kind: 'quick-ask',
      prefill: null,
    });
  });

  it('asks for nothing without the flag or a quick-ask link (a second launch shows the main window)', () => {
    expect(parseLaunchArgs(exe)).toEqual({ kind: 'none' });
    expect(parseLaunchArgs([...exe, '--quick-askew', 'quick-ask', '--inspect'])).toEqual({ kind: 'none' });
    expect(parseLaunchArgs([...exe, 'https://evil.example/?q=hi'])).toEqual({ kind: 'none' });
  });

  it('reads a deep link anywhere in argv (Windows and Linux hand it over this way)', () => {
    expect(parseLaunchArgs([...exe, '--no-sandbox', 'qwen-desk://quick-ask?q=hello%20there'])).toEqual({
      kind: 'quick-ask',
      prefill: 'hello there',
    });
  });

  it('ignores non-strings and over-long arguments instead of throwing', () => {
    expect(parseLaunchArgs([null, 42, { a: 1 }, '--quick-ask'])).toEqual({
      kind: 'quick-ask',
      prefill: null,
    });
    expect(parseLaunchArgs([`--quick-ask=${'x'.repeat(200_000)}`])).toEqual({ kind: 'none' });
  });
});

describe('parseDeepLink (hostile links)', () => {
  it('accepts only qwen-desk://quick-ask', () => {
    expect(parseDeepLink('qwen-desk://quick-ask')).toEqual({ kind: 'quick-ask', prefill: null });
    expect(parseDeepLink('QWEN-DESK://Quick-Ask/?q=x')).toEqual({ kind: 'quick-ask', prefill: 'x' });
    for (const link of [
      'qwen-desk://settings?q=x',
      'qwen-desk://quick-ask.evil.example?q=x',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://qwen-desk/quick-ask?q=x',
      'qwen-desk-evil://quick-ask?q=x',
      'qwen-desk://%zz',
      'not a url',
      '',
    ]) {
      expect(parseDeepLink(link), link).toEqual({ kind: 'none' });
    }
  });

  it('strips control and bidi characters and cuts huge text, never splitting a character', () => {
    expect(parseDeepLink('qwen-desk://quick-ask?q=a%00b%1Bc%07%E2%80%AEd%0D%0Ae%09f').kind).toBe('quick-ask');
    expect(parseDeepLink('qwen-desk://quick-ask?q=a%00b%1Bc%07%E2%80%AEd%0D%0Ae%09f')).toEqual({
      kind: 'quick-ask',
      prefill: 'abcd\ne\tf',
    });
    const huge = parseDeepLink(`qwen-desk://quick-ask?q=${'😀'.repeat(MAX_PREFILL_CHARS + 50)}`);
    expect(huge.kind === 'quick-ask' && Array.from(huge.prefill!).length).toBe(MAX_PREFILL_CHARS);
    expect(huge.kind === 'quick-ask' && huge.prefill!.endsWith('😀')).toBe(true);
    expect(parseDeepLink('qwen-desk://quick-ask?q=%00%01%20')).toEqual({ kind: 'quick-ask', prefill: null });
  });

  it('never throws and never lets a control character through, for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 6 }), (argv) => {
        const request = parseLaunchArgs(['--quick-ask', ...argv]);
        expect(request.kind).toBe('quick-ask');
        if (request.kind === 'quick-ask' && request.prefill) expect(request.prefill).not.toMatch(CONTROLS);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) => {
        const request = parseDeepLink(`qwen-desk://quick-ask?q=${s}`);
        expect(request.kind).toBe('quick-ask');
      }),
      { numRuns: 300 },
    );
    expect(cleanPrefill('  \n ')).toBeNull();
  });
});
