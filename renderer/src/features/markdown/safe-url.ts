import { followableLink } from '../../../../electron/shared/link-schemes';

/**
 * Links in model output are only followed when they are in the list main also follows
 * (`electron/shared/link-schemes.ts`: web and plain mail addresses). Everything else
 * (`javascript:`, `data:`, `vbscript:`, `file:`, relative paths that would resolve against the app,
 * a mailto with a prefilled body) is shown as text. In Electron the main process validates again
 * before the system browser opens. The WHATWG URL parser does the browser's own normalisation
 * ("java\tscript:", " JavaScript:"), so what is checked is what a click would follow.
 */
export function safeHref(href: string | null | undefined): string | null {
  return followableLink(href);
}
