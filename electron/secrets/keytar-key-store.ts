/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, and on Linux the
 * Secret Service (GNOME Keyring, KWallet) over D-Bus.
 *
 * keytar is an optional native module, loaded lazily: a missing or broken build, or a Linux session
 * without a Secret Service, is not a crash but the "no keychain" path (the key kept in memory for
 * this run, with a message saying why and how to fix it).
 *
 * keytar is archived upstream. Its successor here is Electron's `safeStorage` (encrypting the key
 * with an OS-held secret and keeping only the ciphertext on disk); it needs the Electron runtime, so
 * it would live behind this same KeyStore interface in the shell, with keytar kept for browser mode.
 */
import type * as KeytarModule from 'keytar';
import { KEYCHAIN_SERVICE, keychainUnavailable, type KeychainState, type KeyStore } from './key-store';

type Keytar = typeof KeytarModule;

export interface KeytarKeyStoreOptions {
  service?: string;
  /** Injected by tests to simulate a module that cannot be loaded. */
  load?: () => Promise<Keytar>;
  platform?: NodeJS.Platform;
}

async function loadKeytar(): Promise<Keytar> {
  const mod = (await import('keytar')) as Keytar & { default?: Keytar };
  return mod.default ?? mod;
}

export function createKeytarKeyStore(options: KeytarKeyStoreOptions = {}): KeyStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const platform = options.platform ?? process.platform;
  let ready: Promise<{ keytar: Keytar | null; state: KeychainState }> | null = null;

  function open() {
    ready ??= (async () => {
      let keytar: Keytar;
      try {
        keytar = await (options.load ?? loadKeytar)();
      } catch (err) {
        return { keytar: null, state: moduleMissing(err, platform) };
      }
      try {
        // One harmless read proves the keychain answers (on Linux: a Secret Service is running).
        await keytar.findCredentials(service);
        return { keytar, state: { available: true } as const };
      } catch (err) {
        return { keytar: null, state: serviceMissing(err, platform) };
      }
    })();
    return ready;
  }

  async function keychain(): Promise<Keytar> {
    const { keytar, state } = await open();
    if (!keytar) throw new Error(state.available ? 'keychain not loaded' : state.reason);
    return keytar;
  }

  return {
    state: async () => (await open()).state,
    get: async (account) => (await keychain()).getPassword(service, account),
    set: async (account, key) => (await keychain()).setPassword(service, account, key),
    delete: async (account) => (await keychain()).deletePassword(service, account),
  };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function moduleMissing(err: unknown, platform: NodeJS.Platform): KeychainState {
  const fix = platform === 'linux' ? 'keychain.noModule.fixLinux' : 'keychain.noModule.fix';
  return keychainUnavailable('keychain.noModule', fix, message(err));
}

function serviceMissing(err: unknown, platform: NodeJS.Platform): KeychainState {
  if (platform === 'linux') {
    return keychainUnavailable('keychain.noService', 'keychain.noService.fix', message(err));
  }
  return keychainUnavailable('keychain.refused', 'keychain.refused.fix', message(err));
}
