import { followableLink } from '../shared/link-schemes';

/**
 * Links from the renderer open in the system browser (or mail app) only if they are in the shared
 * list of link schemes (`link-schemes.ts`: http(s) with a host and no credentials, a plain mailto
 * address) and of a sane length. Everything else (file:, javascript:, custom schemes that could
 * launch other apps) is refused.
 */
export function safeExternalUrl(raw: unknown): string | null {
  return followableLink(raw);
}
