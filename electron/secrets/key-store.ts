/**
 * Where a saved API key lives: the OS keychain (one entry per region, since DashScope keys are
 * region-specific), or, when no keychain is usable, this run's memory. Never a file.
 */
import type { UnavailableKeychain } from '../contract';
import { englishText, type MainTextKey } from '../shared/main-text';

export const KEYCHAIN_SERVICE = 'Qwen Desk';

/** Whether the keychain can be used and, when it cannot, why and what the user can do about it. */
export type KeychainState = { available: true } | UnavailableKeychain;

/** The unavailable state, said by key (electron/shared/main-text.ts). */
export function keychainUnavailable(
  reasonKey: MainTextKey,
  fixKey: MainTextKey,
  error: string,
): UnavailableKeychain {
  const params = { error };
  return {
    available: false,
    reason: englishText(reasonKey, params),
    fix: englishText(fixKey, params),
    reasonKey,
    fixKey,
    params,
  };
}

export interface KeyStore {
  /** Checked once per store; a failure here sends the app down the "memory only" path. */
  state(): Promise<KeychainState>;
  get(account: string): Promise<string | null>;
  set(account: string, key: string): Promise<void>;
  /** True when there was an entry to delete. */
  delete(account: string): Promise<boolean>;
}

/** For a run without a keychain: the key is forgotten when the app quits. */
export function createMemoryKeyStore(state: KeychainState = { available: true }): KeyStore {
  const keys = new Map<string, string>();
  return {
    state: async () => state,
    get: async (account) => keys.get(account) ?? null,
    set: async (account, key) => void keys.set(account, key),
    delete: async (account) => keys.delete(account),
  };
}
