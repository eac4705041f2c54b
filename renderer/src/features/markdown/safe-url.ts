/**
 * Links in model output are only followed when they are web or mail addresses. Everything else
 * (`javascript:`, `data:`, `vbscript:`, `file:`, relative paths that would resolve against the app)
 * is shown as text. In Electron the main process validates again before the system browser opens.
 * The WHATWG URL parser does the browser's own normalisation ("java\tscript:", " JavaScript:"),
 * so what is checked is what a click would follow.
 */
const allowed = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return allowed.has(url.protocol) ? url.href : null;
}
