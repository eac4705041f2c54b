/**
 * Where a key may be sent (issue 9, item 2). Whoever can call the API (a compromised renderer, the
 * browser-mode token holder) can change the base URL, so the base URL alone never decides where a
 * key goes:
 * - DashScope's own region hosts are always allowed (they are where keys are made and checked);
 * - the host `DASHSCOPE_BASE_URL` names is allowed (its owner set it, outside the app);
 * - any other host needs its owner's consent once: a dialog owned by the main process in Electron
 *   (`confirm`), or the key typed again with the request (browser mode); the approval is kept per
 *   key, by a fingerprint, never the key;
 * - plain http only to loopback, whatever was approved.
 */
import { createHash } from 'node:crypto';
import { fail } from '../shared/app-error';
import { regions, WORKSPACE_HOST } from '../qwen/regions';
import type { SettingsStore } from '../settings/settings-store';

/** The settings-store entry holding `{ [fingerprint]: host[] }` (no key, only its hash). */
export const APPROVED_HOSTS_SETTING = 'approvedKeyHosts';
const MAX_APPROVED = 200;

const officialHosts = new Set(regions.flatMap((r) => (r.baseURL ? [new URL(r.baseURL).host] : [])));

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The host a key would go to; refuses anything but https, or http to loopback. */
export function keyHostOf(baseURL: string): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    fail('invalid_argument', 'route.badUrl', {
      action: 'route.badUrl.action',
    });
  }
  if (url.protocol === 'https:') return url.host;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url.host;
  fail('insecure_url', 'route.insecure', { params: { origin: url.origin }, action: 'route.insecure.action' });
}

export const fingerprint = (key: string): string =>
  createHash('sha256').update(`qwen-desk-key-host:${key}`).digest('hex').slice(0, 32);

export interface KeyRouting {
  /** Throws unless `key` may go to `baseURL`; `typed` = the user typed this key with this request. */
  authorize(key: string, baseURL: string, how: { typed: boolean; fromEnvironment: boolean }): Promise<void>;
}

export interface KeyRoutingOptions {
  /** The host of DASHSCOPE_BASE_URL, when set. */
  overrideBaseURL: string | null;
  /** The host of DASHSCOPE_NATIVE_BASE_URL, when set (issue 13). */
  overrideNativeBaseURL?: string | null;
  /** Where approvals persist (the settings store); memory when absent. */
  store?: SettingsStore;
  /** Electron: a dialog owned by the main process. Absent (browser mode): re-enter the key. */
  confirm?: (host: string) => Promise<boolean>;
}

export function createKeyRouting(options: KeyRoutingOptions): KeyRouting {
  const memory = new Map<string, unknown>();
  const store = options.store ?? {
    get: (k: string) => memory.get(k),
    set: (k: string, v: unknown) => void memory.set(k, v),
  };
  const overrideHost = options.overrideBaseURL ? safeHost(options.overrideBaseURL) : null;
  const nativeOverrideHost = options.overrideNativeBaseURL ? safeHost(options.overrideNativeBaseURL) : null;

  function approvals(): Record<string, string[]> {
    const raw = store.get(APPROVED_HOSTS_SETTING);
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (Array.isArray(v)) out[k] = v.filter((h): h is string => typeof h === 'string');
    }
    return out;
  }
  const approved = (key: string, host: string) => approvals()[fingerprint(key)]?.includes(host) ?? false;
  function approve(key: string, host: string): void {
    const all = approvals();
    const id = fingerprint(key);
    all[id] = [...new Set([...(all[id] ?? []), host])].slice(-MAX_APPROVED);
    store.set(APPROVED_HOSTS_SETTING, all);
  }

  return {
    async authorize(key, baseURL, how) {
      const host = keyHostOf(baseURL);
      // Workspace hosts are DashScope's own too (issue 13); DASHSCOPE_NATIVE_BASE_URL its owner set.
      if (officialHosts.has(host) || WORKSPACE_HOST.test(host) || host === overrideHost) return;
      if (host === nativeOverrideHost) return;
      if (approved(key, host)) return;
      // The environment key goes only to DashScope or to the URL its owner named beside it.
      if (how.fromEnvironment) {
        fail('key_host_unconfirmed', 'route.envKeyHost', {
          params: { host },
          action: 'route.envKeyHost.action',
        });
      }
      if (how.typed) return approve(key, host);
      if (options.confirm && (await options.confirm(host))) return approve(key, host);
      fail('key_host_unconfirmed', 'route.confirmHost', {
        params: { host },
        action: options.confirm ? 'route.confirmHost.action' : 'route.retestHost.action',
        detail: host,
      });
    },
  };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
