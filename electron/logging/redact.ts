/**
 * Takes secrets out of text before it is logged: every key the app knows of, anything shaped like
 * a DashScope key (`sk-…`), and the value of any Authorization header or field.
 */
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?)(?:bearer\s+)?[^\s"',;})\]]+/gi;
const BEARER = /(bearer\s+)[^\s"',;})\]]+/gi;
const KEY_SHAPED = /\bsk-[A-Za-z0-9_-]{6,}/g;

export const REDACTED = '[redacted]';

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Longest first, so a key that contains another is not left half-hidden.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(AUTHORIZATION, `$1${REDACTED}`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(KEY_SHAPED, REDACTED);
}
