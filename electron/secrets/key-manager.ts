/**
 * The API key as the app uses it: where it comes from, saving and removing it, and its status for
 * the Settings panel. The key itself is read only here and by the Qwen client; no method returns it
 * to a caller that could forward it to a renderer (`status` gives the masked form only).
 *
 * Sources, in order: `DASHSCOPE_API_KEY` in the environment (shown as "from environment", not
 * editable in the UI); else the keychain entry for the current region; else, when no keychain is
 * usable, the key saved in memory for this run.
 */
import type { RegionId } from '../qwen/regions';
import { fail } from '../shared/app-error';
import type { KeySource } from './key-source';
import { createMemoryKeyStore, type KeychainState, type KeyStore } from './key-store';
import { cleanKey, maskKey } from './mask';
import { createKeyRouting, type KeyRouting } from './key-routing';

export type KeyOrigin = 'environment' | 'keychain' | 'memory' | 'none';

export interface KeyStatus {
  source: KeyOrigin;
  /** `sk-…abcd`, or null when there is no key. */
  masked: string | null;
  region: RegionId;
  keychain: KeychainState;
}

export interface KeyManager extends KeySource {
  status(): Promise<KeyStatus>;
  save(raw: string): Promise<KeyStatus>;
  remove(): Promise<KeyStatus>;
  /** A key typed in Settings but not saved yet (for "Test key"), or the current key. */
  resolve(candidate?: string): Promise<string | null>;
  /**
   * The key to send to `baseURL`: the typed one (which authorizes that host) or the current one,
   * only where it may go (key-routing.ts); null when there is none.
   */
  keyFor(baseURL: string, candidate?: string): Promise<string | null>;
  /** Every key this run has seen, for the log's redaction. */
  knownKeys(): string[];
}

export interface KeyManagerOptions {
  /** `DASHSCOPE_API_KEY`, trimmed, or null. */
  envKey: string | null;
  keychain: KeyStore;
  /** The current region, read on every call so a region change applies at once. */
  region: () => RegionId;
  /** Told when something happens that belongs in the log (never the key itself). */
  onEvent?: (message: string) => void;
  /** Where keys may be sent (issue 9); a routing with no confirmation and memory approvals if absent. */
  routing?: KeyRouting;
}

/** Longest key accepted; DashScope keys are about 35 characters. */
const MAX_KEY_CHARS = 512;

export function createKeyManager(options: KeyManagerOptions): KeyManager {
  const memory = createMemoryKeyStore();
  const seen = new Set<string>(options.envKey ? [options.envKey] : []);
  let reportedState = false;
  const routing = options.routing ?? createKeyRouting({ overrideBaseURL: null });

  async function keychainState(): Promise<KeychainState> {
    const state = await options.keychain.state();
    if (!reportedState) {
      reportedState = true;
      options.onEvent?.(
        state.available
          ? 'Keychain available.'
          : `No keychain: ${state.reason} The key is kept in memory for this run only.`,
      );
    }
    return state;
  }

  /** The keychain when usable, else this run's memory. */
  async function store(): Promise<{ store: KeyStore; origin: 'keychain' | 'memory' }> {
    return (await keychainState()).available
      ? { store: options.keychain, origin: 'keychain' }
      : { store: memory, origin: 'memory' };
  }

  async function current(): Promise<{ key: string | null; source: KeyOrigin }> {
    if (options.envKey) return { key: options.envKey, source: 'environment' };
    const { store: s, origin } = await store();
    const key = await s.get(options.region());
    if (key) seen.add(key);
    return key ? { key, source: origin } : { key: null, source: 'none' };
  }

  async function status(): Promise<KeyStatus> {
    const [{ key, source }, keychain] = await Promise.all([current(), keychainState()]);
    return { source, masked: key ? maskKey(key) : null, region: options.region(), keychain };
  }

  function refuseWhenFromEnvironment(): void {
    if (options.envKey) {
      fail('invalid_argument', 'key.fromEnv', {
        action: 'key.fromEnv.action',
      });
    }
  }

  async function keyFor(baseURL: string, candidate?: string): Promise<string | null> {
    const typed = candidate === undefined ? '' : cleanKey(candidate);
    if (typed) seen.add(typed);
    const { key, source } = typed ? { key: typed, source: 'typed' as const } : await current();
    if (!key) return null;
    await routing.authorize(key, baseURL, { typed: !!typed, fromEnvironment: source === 'environment' });
    return key;
  }

  return {
    getKey: async (baseURL) => (baseURL === undefined ? (await current()).key : keyFor(baseURL)),
    keyFor,
    status,
    async save(raw) {
      refuseWhenFromEnvironment();
      const key = cleanKey(raw);
      if (!key) fail('invalid_argument', 'key.paste');
      if (key.length > MAX_KEY_CHARS) fail('invalid_argument', 'key.notAKey');
      seen.add(key);
      const { store: s, origin } = await store();
      try {
        await s.set(options.region(), key);
      } catch (err) {
        fail('internal', 'key.notSaved', {
          detail: err instanceof Error ? err.message : String(err),
        });
      }
      options.onEvent?.(`API key saved for region ${options.region()} (${origin}).`);
      return status();
    },
    async remove() {
      refuseWhenFromEnvironment();
      const { store: s, origin } = await store();
      const removed = await s.delete(options.region());
      options.onEvent?.(
        `API key ${removed ? 'removed' : 'was not set'} for region ${options.region()} (${origin}).`,
      );
      return status();
    },
    async resolve(candidate) {
      const typed = candidate === undefined ? '' : cleanKey(candidate);
      if (typed) {
        seen.add(typed);
        return typed;
      }
      return (await current()).key;
    },
    knownKeys: () => [...seen],
  };
}
