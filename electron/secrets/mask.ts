/**
 * How a stored key is shown: its prefix and last four characters only (`sk-…abcd`). Done in the main
 * process so the full key never has to leave it.
 */
export function maskKey(key: string): string {
  const prefix = key.startsWith('sk-') ? 'sk-' : '';
  const rest = key.slice(prefix.length);
  // Too short to show any of it without giving most of it away.
  if (rest.length < 12) return `${prefix}…`;
  return `${prefix}…${rest.slice(-4)}`;
}

/** Pasted keys often carry spaces or a line break from the console page; none belong to a key. */
export function cleanKey(raw: string): string {
  return raw.replace(/\s+/g, '');
}
