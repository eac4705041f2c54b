/**
 * The one list of link schemes Qwen Desk follows, shared by the renderer (which draws a link as
 * clickable only if it is here) and main (which opens it in the system browser or mail app only if it
 * is here), so nothing looks clickable that main would refuse. Pure: the WHATWG URL parser only.
 */
export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** Longest link followed (a 2 KB URL is already far past any real one). */
export const MAX_LINK_LENGTH = 2048;

/**
 * The normalised URL if `raw` is a link to follow: web addresses with a host and no credentials,
 * mail addresses with one "@" and nothing that could add headers or a second line. Otherwise null.
 */
export function followableLink(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_LINK_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!LINK_SCHEMES.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') {
    // The address only: a "?cc=…&body=…" could put text the model wrote into a mail in the user's name.
    const address = decodeURIComponent(url.pathname);
    if (url.search || !/^[^\s@,;<>"]+@[^\s@,;<>"]+$/.test(address)) return null;
    return `mailto:${address}`;
  }
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}
