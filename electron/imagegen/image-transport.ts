/**
 * Where image requests go and with what key: the native base (DASHSCOPE_NATIVE_BASE_URL, else the
 * compatible base's host at `/api/v1`, as chat's native transport), the key only if key routing lets
 * it go there, the proxy from Settings or the environment, and the request timeout.
 */
import { fail } from '../shared/app-error';
import type { KeySource } from '../secrets/key-source';
import { resolveEngineSettings, type EngineSettings } from '../qwen/engine-settings';
import { nativeBaseURL } from '../qwen/native-client';
import { chooseProxy, proxyFetch } from '../qwen/proxy';
import type { ErrorContext } from '../qwen/errors';
import { createImageClient, type ImageClient } from '../qwen/image-client';
import { loopbackOrigin } from './result-download';

export interface ImageTransportDeps {
  keySource: KeySource;
  getBaseURL: () => string;
  getEngineSettings?: (() => Partial<EngineSettings> | undefined) | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Tests: another image client (the real one otherwise). */
  createImageClient?: typeof createImageClient;
}

export interface ImageTransport {
  client: ImageClient;
  /** For result downloads: the proxy's fetch (or the global one). */
  fetch: typeof fetch | undefined;
  /** Test-only loopback result origin (DASHSCOPE_IMAGE_RESULT_ORIGIN); null in real use. */
  allowedOrigin: string | null;
  errorContext: (model: string) => ErrorContext;
}

export function imageTransport(deps: ImageTransportDeps): () => Promise<ImageTransport> {
  const env = deps.env ?? process.env;
  return async () => {
    const s = resolveEngineSettings(deps.getEngineSettings?.(), deps.getBaseURL());
    const override = env.DASHSCOPE_NATIVE_BASE_URL?.trim();
    const base = override ? override.replace(/\/+$/, '') : nativeBaseURL(s.baseURL);
    if (!base)
      fail('bad_request', 'image.needsNative', {
        action: 'image.needsNative.action',
      });
    const apiKey = await deps.keySource.getKey(base); // only where it may go (key-routing.ts)
    if (!apiKey)
      fail('no_api_key', 'key.none', {
        action: 'key.none.action',
      });
    const proxy = chooseProxy(s.proxy, env);
    const fetch = proxyFetch(proxy);
    const client = (deps.createImageClient ?? createImageClient)({
      apiKey,
      baseURL: base,
      timeoutMs: s.connectTimeoutMs,
      ...(fetch ? { fetch } : {}),
    });
    return {
      client,
      fetch,
      allowedOrigin: loopbackOrigin(env.DASHSCOPE_IMAGE_RESULT_ORIGIN),
      errorContext: (model) => ({
        model,
        regionName: s.regionName,
        baseURL: base,
        proxy: (base.startsWith('https:') ? proxy?.httpsProxy : proxy?.httpProxy) ?? null,
        connectTimeoutMs: s.connectTimeoutMs,
      }),
    };
  };
}
