/**
 * Maps an app://qwen-desk/ request URL to a file under the renderer's folder, with no Electron, so
 * it is tested in plain Node. Anything malformed (an unparsable URL, another host, a broken `%`
 * escape, a NUL, a path leaving the folder) is "not found": the protocol handler answers 404
 * instead of throwing.
 */
import path from 'node:path';
import { APP_HOST, APP_PROTOCOL } from '../security/trusted-sender';

export type AppUrlTarget = { kind: 'file'; file: string } | { kind: 'not-found' };

const NOT_FOUND: AppUrlTarget = { kind: 'not-found' };

export function resolveAppUrl(requestUrl: string, rendererDir: string): AppUrlTarget {
  const root = path.resolve(rendererDir);
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return NOT_FOUND;
  }
  if (url.protocol !== `${APP_PROTOCOL}:` || url.host !== APP_HOST) return NOT_FOUND;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    // A malformed escape such as "%E0%A4%A" or "%zz" (URIError).
    return NOT_FOUND;
  }
  if (relative.includes('\0')) return NOT_FOUND;
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(root + path.sep)) return NOT_FOUND;
  return { kind: 'file', file };
}
