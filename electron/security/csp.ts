/**
 * The Content-Security-Policy of every window, in Electron and in browser mode: scripts and styles
 * only from the app itself, no inline script, no eval, no plugins, no framing, no form posts.
 * Model output is rendered as text, so nothing it says can add a script.
 */
export interface CspOptions {
  /** Extra sources for `connect-src` (browser mode's WebSocket origin, the Vite dev server). */
  connectSrc?: string[];
  /** Vite's dev server injects an inline module preamble and uses eval-free HMR over a WebSocket. */
  dev?: boolean;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])];
  const script = options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"];
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': script,
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    'worker-src': ["'self'", 'blob:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
