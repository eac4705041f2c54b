/**
 * Links from the renderer open in the system browser only if they are plain http(s) URLs with a
 * host, no credentials, and a sane length. Everything else (file:, javascript:, custom schemes that
 * could launch other apps) is refused.
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.toString();
}
