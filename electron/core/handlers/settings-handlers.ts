import type { QwenClientFactory } from '../../qwen/qwen-client';
import { hostOf } from '../../qwen/engine-settings';
import { regions } from '../../qwen/regions';
import type { KeyManager } from '../../secrets/key-manager';
import { testKey } from '../../secrets/key-tester';
import type { SettingsService } from '../../settings/settings-service';
import { fail } from '../../shared/app-error';
import type { HandlerGroup } from './types';

export interface SettingsHandlerDeps {
  settings: SettingsService;
  keys: KeyManager;
  createQwenClient: QwenClientFactory;
}

/** Settings and the API key. No handler returns the key: only its masked form and where it is kept. */
export function createSettingsHandlers(
  deps: SettingsHandlerDeps,
): HandlerGroup<'settings.get' | 'settings.update' | 'key.status' | 'key.save' | 'key.test' | 'key.remove'> {
  const { settings, keys } = deps;
  return {
    'settings.get': async () => settings.view(),
    'settings.update': async (patch) => settings.update(patch),
    'key.status': () => keys.status(),
    'key.save': async ({ key }) => {
      const saved = await keys.save(key);
      // The key typed here authorizes the host Settings points at (key-routing.ts); a bad URL is
      // reported when the key is used, not as a failed save.
      await keys.keyFor(settings.baseURL(), key).catch(() => null);
      return saved;
    },
    'key.remove': () => keys.remove(),
    'key.test': async ({ key: typed }) => {
      // Only where it may go: a stored key needs the host confirmed, a typed one authorizes it.
      const key = await keys.keyFor(settings.baseURL(), typed);
      if (!key) fail('no_api_key', 'key.noneToTest', { action: 'key.paste' });
      const view = settings.view();
      const region = view.settings.region;
      // Other regions are asked only about the standard endpoints, never for Custom or an override.
      const probeOthers = region !== 'custom' && !view.baseURLFromEnvironment;
      return testKey(
        {
          key,
          region,
          ...(probeOthers ? {} : { host: hostOf(settings.baseURL()) }),
          baseURL: settings.baseURL(),
          otherRegions: probeOthers
            ? regions.flatMap((r) => (r.id !== region && r.baseURL ? [{ id: r.id, baseURL: r.baseURL }] : []))
            : [],
        },
        { createQwenClient: deps.createQwenClient },
      );
    },
  };
}
