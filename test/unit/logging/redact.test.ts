import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../electron/logging/logger';
import { redact } from '../../../electron/logging/redact';

const KEY = 'sk-0123456789abcdef0123456789abcd';

describe('redact', () => {
  it('hides known keys, key-shaped strings and Authorization values', () => {
    expect(redact(`key=${KEY}`, [KEY])).toBe('key=[redacted]');
    expect(redact('Authorization: Bearer abc.def-123')).toBe('Authorization: [redacted]');
    expect(redact('{"authorization":"Bearer xyz"}')).toBe('{"authorization":"[redacted]"}');
    expect(redact('headers { Bearer topsecret }')).toBe('headers { Bearer [redacted] }');
    expect(redact('sk-abcdefgh1234 leaked')).toBe('[redacted] leaked');
    // A key that is not sk-shaped is still hidden when the app knows it.
    expect(redact('got plainkey123456 back', ['plainkey123456'])).toBe('got [redacted] back');
  });

  it('leaves ordinary text alone', () => {
    expect(redact('stream s1 failed: auth Qwen rejected the API key.')).toBe(
      'stream s1 failed: auth Qwen rejected the API key.',
    );
  });
});

describe('file logger', () => {
  it('writes redacted lines to logs/qwen-desk.log in the data directory, rolling over when large', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-log-'));
    const logger = createFileLogger({ dataDir, secrets: () => [KEY], maxBytes: 300 });
    logger.info(`saved ${KEY}`);
    logger.warn('request failed (Authorization: Bearer sk-zzzzzzzzzzzz)');
    const text = fs.readFileSync(path.join(dataDir, 'logs', 'qwen-desk.log'), 'utf8');
    expect(text).toMatch(/INFO saved \[redacted\]/);
    expect(text).toMatch(/WARN request failed \(Authorization: \[redacted\]\)/);
    expect(text).not.toContain('sk-0123');
    expect(text).not.toContain('sk-zzz');
    for (let i = 0; i < 10; i++) logger.info(`line ${i} ${'x'.repeat(40)}`);
    expect(fs.existsSync(path.join(dataDir, 'logs', 'qwen-desk.1.log'))).toBe(true);
    expect(fs.statSync(logger.file).size).toBeLessThan(600);
  });
});
