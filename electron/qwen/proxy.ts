/**
 * The fetch the SDK uses: straight out, or through an HTTP(S) proxy, from the Settings proxy or
 * the usual HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment variables (lower case too), as curl
 * reads them. undici's EnvHttpProxyAgent does the tunnelling (CONNECT) and the NO_PROXY matching.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import { fail } from '../shared/app-error';

export interface ProxyChoice {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

const pick = (env: NodeJS.ProcessEnv, name: string): string | undefined =>
  env[name.toLowerCase()]?.trim() || env[name]?.trim() || undefined;

/** The proxies that apply, or null for a direct connection. Throws for a malformed setting. */
export function chooseProxy(setting: string | null | undefined, env: NodeJS.ProcessEnv): ProxyChoice | null {
  const noProxy = pick(env, 'NO_PROXY');
  const configured = setting?.trim();
  if (configured) {
    let url: URL | null = null;
    try {
      url = new URL(configured);
    } catch {
      // handled below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      fail('invalid_argument', 'settings.badProxy', {
        params: { proxy: configured },
        action: 'settings.badProxy.action',
      });
    }
    return { httpProxy: configured, httpsProxy: configured, ...(noProxy ? { noProxy } : {}) };
  }
  const httpProxy = pick(env, 'HTTP_PROXY');
  const httpsProxy = pick(env, 'HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return null;
  return {
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}

const agents = new Map<string, Dispatcher>();

/**
 * A fetch for the SDK, or undefined for the global one. Agents are kept per proxy choice so their
 * connections are reused from one request to the next.
 */
export function proxyFetch(choice: ProxyChoice | null): typeof fetch | undefined {
  if (!choice) return undefined;
  const key = JSON.stringify(choice);
  let agent = agents.get(key);
  if (!agent) {
    // An unset field must not fall back to process.env: the choice above already read it.
    agent = new EnvHttpProxyAgent({
      httpProxy: choice.httpProxy ?? '',
      httpsProxy: choice.httpsProxy ?? '',
      noProxy: choice.noProxy ?? '',
    });
    agents.set(key, agent);
  }
  const dispatcher = agent;
  return ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher })) as unknown as typeof fetch;
}
