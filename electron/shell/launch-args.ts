/**
 * What a launch asks for, read from a command line (`qwen-desk --quick-ask "text"`, a second
 * instance's argv) or a deep link (`qwen-desk://quick-ask?q=…`, in argv on Windows/Linux and from
 * `open-url` on macOS). Anything else on the line (Chromium's own switches, the app's path, a link
 * of another scheme or to another action) is ignored: it never opens anything. The text is only
 * ever pre-filled, so it is cut to a sane length and stripped of control characters here.
 */

export const DEEP_LINK_SCHEME = 'qwen-desk';
export const QUICK_ASK_FLAG = '--quick-ask';
/** Longest pre-filled text, in characters: a question, not a document. */
export const MAX_PREFILL_CHARS = 10_000;
/** Longest argument or link read at all; longer ones are dropped before any parsing. */
const MAX_ARG_CHARS = 100_000;

export type LaunchRequest = { kind: 'quick-ask'; prefill: string | null } | { kind: 'none' };

const NONE: LaunchRequest = { kind: 'none' };

/** Keeps tabs and line breaks (a question may have several lines); drops other controls and bidi overrides. */
export function cleanPrefill(text: string): string | null {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    // C0 and C1 controls but \t and \n, and the bidi embedding/override/isolate characters.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '') // eslint-disable-line no-control-regex
    .trim();
  if (!cleaned) return null;
  // Cut by code point, so a surrogate pair is never split in half.
  const points = Array.from(cleaned);
  return points.length > MAX_PREFILL_CHARS ? points.slice(0, MAX_PREFILL_CHARS).join('') : cleaned;
}

/** A `qwen-desk://quick-ask?q=…` link, or none for any other scheme, action or a malformed link. */
export function parseDeepLink(link: string): LaunchRequest {
  if (link.length > MAX_ARG_CHARS) return NONE;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return NONE;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return NONE;
  // `qwen-desk://quick-ask` has the action as its host; `qwen-desk:quick-ask` as its path.
  const action = (url.host || url.pathname).replace(/\/+$/, '').toLowerCase();
  if (action !== 'quick-ask') return NONE;
  const q = url.searchParams.get('q');
  return { kind: 'quick-ask', prefill: q === null ? null : cleanPrefill(q) };
}

/**
 * Reads argv (all of it: the executable and script come first, and Chromium may add switches
 * of its own). `--quick-ask`, `--quick-ask=text` and `--quick-ask text` (a following argument
 * that is not a switch) ask for the quick window; so does a deep link. The first one found wins.
 */
export function parseLaunchArgs(argv: readonly unknown[]): LaunchRequest {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (typeof arg !== 'string' || arg.length > MAX_ARG_CHARS) continue;
    if (arg === QUICK_ASK_FLAG) {
      const next = argv[i + 1];
      const text =
        typeof next === 'string' && !next.startsWith('-') && !isLink(next) && next.length <= MAX_ARG_CHARS
          ? next
          : null;
      return { kind: 'quick-ask', prefill: text === null ? null : cleanPrefill(text) };
    }
    if (arg.startsWith(`${QUICK_ASK_FLAG}=`)) {
      return { kind: 'quick-ask', prefill: cleanPrefill(arg.slice(QUICK_ASK_FLAG.length + 1)) };
    }
    if (isLink(arg)) {
      const link = parseDeepLink(arg);
      if (link.kind !== 'none') return link;
    }
  }
  return NONE;
}

const isLink = (arg: string) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`);
