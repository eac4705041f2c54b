/**
 * "Do not transmit sensitive personal information" (the API document's own advice): a local check,
 * run before a message leaves the machine, for what should not go to a cloud model. Shared by the
 * renderer (which checks as the user sends) and main (which alone knows the user's own DashScope
 * key, and checks for it). Pure: no Node, Electron or DOM.
 *
 * Each detector is a linear regular expression plus, for numbers, a checksum (Luhn for bank cards,
 * ISO 7064 MOD 11-2 for Chinese resident IDs), so ordinary numbers, hashes and code pass: a false
 * alarm on every order number would teach people to click "Send anyway" without reading.
 */

export type SensitiveKind = 'own_key' | 'api_key' | 'private_key' | 'cn_id' | 'bank_card';

export interface SensitiveFinding {
  kind: SensitiveKind;
  /** UTF-16 offsets in the checked text, end exclusive. */
  start: number;
  end: number;
}

// Not a letter or digit on either side: a match inside a longer token (a hash, an id) is not one.
const EDGE_BEFORE = '(?<![0-9A-Za-z_])';
const EDGE_AFTER = '(?![0-9A-Za-z_])';

const API_KEYS: RegExp[] = [
  // DashScope, OpenAI and most "sk-" keys; a placeholder ("sk-xxxx…") has no digit and is let through.
  new RegExp(`${EDGE_BEFORE}sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}${EDGE_AFTER}`, 'g'),
  new RegExp(`${EDGE_BEFORE}(?:AKIA|ASIA)[0-9A-Z]{16}${EDGE_AFTER}`, 'g'),
  new RegExp(`${EDGE_BEFORE}gh[pousr]_[A-Za-z0-9]{36,}${EDGE_AFTER}`, 'g'),
  new RegExp(`${EDGE_BEFORE}github_pat_[A-Za-z0-9_]{22,}${EDGE_AFTER}`, 'g'),
  // A JWT: header and payload are base64url JSON objects, so both start with "eyJ".
  new RegExp(
    `${EDGE_BEFORE}eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}${EDGE_AFTER}`,
    'g',
  ),
];

const PRIVATE_KEY =
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?/g;

// 18 characters: 6-digit region (no leading 0), birth date 19xx/20xx, 3-digit sequence, check digit.
const CN_ID = new RegExp(
  `${EDGE_BEFORE}[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${EDGE_AFTER}`,
  'g',
);

// 15–19 digits, as written on cards: one run, or groups of 4 (15-digit Amex: 4-6-5) with spaces or dashes.
const BANK_CARD = new RegExp(
  `${EDGE_BEFORE}(?:\\d{4}[ -]\\d{4}[ -]\\d{4}[ -]\\d{4}(?:[ -]?\\d{1,3})?|\\d{4}[ -]\\d{6}[ -]\\d{5}|\\d{15,19})${EDGE_AFTER}`,
  'g',
);
// Issuer prefixes: Visa 4, Mastercard 51–55 / 2221–2720, Amex 34/37, UnionPay 62, JCB 35, Discover 6011/65.
const CARD_ISSUER = /^(?:4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|62|35|6011|65)/;

const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_ID_CHECK = '10X98765432';

export function validCnId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * CN_ID_WEIGHTS[i]!;
  return CN_ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function validCard(match: string): boolean {
  const digits = match.replace(/[ -]/g, '');
  if (digits.length < 15 || digits.length > 19 || !CARD_ISSUER.test(digits)) return false;
  // 0000… and 1111… pass Luhn; no card is one repeated digit.
  if (/^(\d)\1+$/.test(digits)) return false;
  return luhnValid(digits);
}

/** A key-looking token that is a placeholder ("sk-xxxxxxxx…", "sk-your-api-key-here…") is not a key. */
function looksReal(token: string): boolean {
  const body = token.replace(/^(?:sk-(?:proj-|ant-)?|AKIA|ASIA|gh[pousr]_|github_pat_)/, '');
  return /\d/.test(body) && /[A-Za-z]/.test(body) && new Set(body).size >= 8;
}

function collect(
  text: string,
  re: RegExp,
  kind: SensitiveKind,
  keep: (m: string) => boolean,
  out: SensitiveFinding[],
) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (keep(m[0])) out.push({ kind, start: m.index, end: m.index + m[0].length });
  }
}

/**
 * What in `text` should not leave the machine. `ownKey` (main only) is the user's DashScope key:
 * found anywhere, even inside a longer token. Findings are sorted and never overlap (the first
 * detector in the order own key, private key, API key, ID, card wins).
 */
export function findSensitive(text: string, ownKey?: string | null): SensitiveFinding[] {
  const found: SensitiveFinding[] = [];
  if (ownKey && ownKey.length >= 8) {
    for (let at = text.indexOf(ownKey); at !== -1; at = text.indexOf(ownKey, at + ownKey.length)) {
      found.push({ kind: 'own_key', start: at, end: at + ownKey.length });
    }
  }
  collect(text, PRIVATE_KEY, 'private_key', () => true, found);
  for (const re of API_KEYS) collect(text, re, 'api_key', looksReal, found);
  collect(text, CN_ID, 'cn_id', validCnId, found);
  collect(text, BANK_CARD, 'bank_card', validCard, found);
  const kept: SensitiveFinding[] = [];
  for (const f of found) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The kinds found, once each, in a stable order (for "This message seems to contain …"). */
export function sensitiveKinds(findings: readonly SensitiveFinding[]): SensitiveKind[] {
  const order: SensitiveKind[] = ['own_key', 'api_key', 'private_key', 'cn_id', 'bank_card'];
  return order.filter((k) => findings.some((f) => f.kind === k));
}

/**
 * The text with each finding masked: bullets and the last 4 characters (as a card is printed),
 * a private key reduced to its BEGIN line and bullets. What the user typed around it is unchanged.
 */
export function maskSensitive(text: string, findings: readonly SensitiveFinding[]): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    const match = text.slice(f.start, f.end);
    out += text.slice(at, f.start);
    out +=
      f.kind === 'private_key'
        ? `${/^-----BEGIN [^-]*-----/.exec(match)?.[0] ?? ''}••••••••`
        : `${'•'.repeat(Math.min(8, Math.max(4, match.length - 4)))}${match.slice(-4)}`;
    at = f.end;
  }
  return out + text.slice(at);
}
