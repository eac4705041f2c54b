import { describe, expect, it } from 'vitest';
import {
  findSensitive,
  luhnValid,
  maskSensitive,
  sensitiveKinds,
  validCnId,
} from '../../../electron/shared/sensitive-content';

const kinds = (text: string, ownKey?: string) => findSensitive(text, ownKey).map((f) => f.kind);
const matched = (text: string, ownKey?: string) =>
  findSensitive(text, ownKey).map((f) => text.slice(f.start, f.end));

describe('findSensitive: what is found', () => {
  it('finds the user own key anywhere, even inside a longer token', () => {
    const key = 'sk-0123456789abcdef0123456789abcdef';
    expect(kinds(`my key is ${key}`, key)).toEqual(['own_key']);
    expect(matched(`x${key}y`, key)).toEqual([key]);
    expect(kinds('nothing here', key)).toEqual([]);
  });

  it('finds API keys and tokens of the common shapes', () => {
    const samples = [
      'sk-3f9a2b7c4d1e8f6a0b5c9d2e7f4a1b8c',
      'sk-proj-Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF',
      'AKIAIOSFODNN7EXAMPL3',
      'ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R',
      'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ];
    for (const s of samples) expect(matched(`token: ${s} end`), s).toEqual([s]);
  });

  it('finds a private key block, whole, and a BEGIN line pasted alone', () => {
    const block = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY-----';
    expect(matched(`here:\n${block}\nthanks`)).toEqual([block]);
    expect(kinds('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk')).toEqual(['private_key']);
    expect(kinds('-----BEGIN PRIVATE KEY-----')).toEqual(['private_key']);
  });

  it('finds Chinese resident ID numbers with a valid check digit and date only', () => {
    expect(validCnId('11010519491231002X')).toBe(true);
    expect(validCnId('11010519491231002x')).toBe(true);
    expect(kinds('身份证号 11010519491231002X 请核对')).toEqual(['cn_id']);
    expect(kinds('身份证号 110105194912310021')).toEqual([]); // wrong check digit
    expect(validCnId('110105194902300021')).toBe(false); // 30 February
  });

  it('finds bank card numbers that pass Luhn and have an issuer prefix', () => {
    for (const card of [
      '4111 1111 1111 1111',
      '5555-5555-5555-4444',
      '378282246310005',
      '6212261202011584340',
      '4012888888881881',
    ]) {
      expect(kinds(`card ${card}.`), card).toEqual(['bank_card']);
    }
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(kinds('card 4111 1111 1111 1112')).toEqual([]);
  });
});

describe('findSensitive: what passes (false positives matter as much)', () => {
  const ordinary = [
    'order 1234567890123456 shipped', // no issuer prefix
    'timestamp 1733100000000 and 1764633600', // too short
    'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    'uuid 550e8400-e29b-41d4-a716-446655440000',
    'call +86 138 0013 8000 or 400-820-8820',
    'price 4,111,111,111,111,111 yuan', // commas: an amount, not a card
    'the placeholder sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx and sk-your-api-key-here-please',
    'a CSS class task-list-item-checkbox-4111111111111111x',
    'const disk = "sk-"; // prefix only',
    'AKIA in prose, and AKIAlowercase0000000',
    'bearer eyJhbGciOi (cut short)',
    'digits 00000000000000000 and 4444444444444444',
    'IBAN-like DE89370400440532013000',
    '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----',
    'base64 aGVsbG8gd29ybGQgdGhpcyBpcyBqdXN0IHRleHQ=',
  ];
  for (const text of ordinary) {
    it(`passes: ${text.slice(0, 40)}`, () => expect(findSensitive(text)).toEqual([]));
  }

  it('passes a long ordinary paste (source code and a table of numbers)', () => {
    const code = Array.from(
      { length: 2000 },
      (_, i) => `const v${i} = ${i * 7919} + ${(i * 104729) % 99991}; // row ${i}`,
    );
    expect(findSensitive(code.join('\n'))).toEqual([]);
  });
});

describe('findSensitive: several at once', () => {
  it('reports each once, sorted, without overlaps; the own key wins over its API-key shape', () => {
    const key = 'sk-0123456789abcdef0123456789abcdef';
    const text = `card 4111111111111111, key ${key}, id 11010519491231002X`;
    const found = findSensitive(text, key);
    expect(found.map((f) => f.kind)).toEqual(['bank_card', 'own_key', 'cn_id']);
    expect(sensitiveKinds(found)).toEqual(['own_key', 'cn_id', 'bank_card']);
  });
});

describe('maskSensitive', () => {
  it('masks each finding and keeps everything around it', () => {
    const text = 'pay with 4111 1111 1111 1111 today, id 11010519491231002X.';
    const masked = maskSensitive(text, findSensitive(text));
    expect(masked).toBe('pay with ••••••••1111 today, id ••••••••002X.');
    expect(findSensitive(masked)).toEqual([]);
  });

  it('reduces a private key to its BEGIN line', () => {
    const text = 'key:\n-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\nbye';
    expect(maskSensitive(text, findSensitive(text))).toBe('key:\n-----BEGIN PRIVATE KEY-----••••••••\nbye');
  });
});
