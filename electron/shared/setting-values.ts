/**
 * What a few settings accept, as plain predicates: the contract's schemas refine with them, and
 * the Settings page judges a field as it is typed with the same ones (it cannot import the
 * contract's zod values: zod's code needs `eval`, which the page's CSP forbids).
 */

/** Longest URL a setting holds. */
export const MAX_SETTING_URL = 2048;

/** An http(s) address with a host, or empty (none). `value` is already trimmed. */
export function isHttpUrlOrEmpty(value: string): boolean {
  if (value === '') return true;
  if (value.length > MAX_SETTING_URL) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
  } catch {
    return false;
  }
}

/** A Model Studio workspace ID (letters, digits, hyphens; at most 64), or empty. Already trimmed. */
export const isWorkspaceIdOrEmpty = (value: string): boolean => /^[A-Za-z0-9-]{0,64}$/.test(value);
