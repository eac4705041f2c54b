/**
 * The settings the engine reads for every request (the Settings UI and its store own them). Any
 * field may be missing: the defaults below suit thinking models, which can think for minutes.
 */
import type { SettingsService } from '../settings/settings-service';
import { regions, type RegionId } from './regions';

export interface EngineSettings {
  region: RegionId;
  /** The compatible-mode base URL when the region is "custom". */
  baseURL: string | null;
  /** An http(s):// proxy for Qwen requests; empty: HTTPS_PROXY / HTTP_PROXY / NO_PROXY decide. */
  proxy: string | null;
  /** Until the answer's headers arrive, ms. */
  connectTimeoutMs: number;
  /** Longest silence inside a stream, ms (0: none). */
  idleTimeoutMs: number;
  /** Tries after the first one, before any output (0: never retry). */
  maxRetries: number;
  // Qwen-native (issue 13): the chat protocol and the explicit context cache.
  protocol: 'auto' | 'compatible' | 'native';
  contextCache: boolean;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 120_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 180_000;
export const DEFAULT_MAX_RETRIES = 3;

export interface ResolvedEngineSettings extends Omit<EngineSettings, 'region' | 'baseURL'> {
  /** The region's name for messages ("Singapore"; "custom, <host>" for a custom address). */
  regionName: string;
  /** Whether the base URL is one of the regions' own (not Custom, not another DASHSCOPE_BASE_URL). */
  knownRegion: boolean;
  baseURL: string;
}

/**
 * Fills the defaults and picks the base URL: the region's, the custom one, or — when no region is
 * set — `fallbackBaseURL` (DASHSCOPE_BASE_URL or Singapore).
 */
export function resolveEngineSettings(
  partial: Partial<EngineSettings> | undefined,
  fallbackBaseURL: string,
): ResolvedEngineSettings {
  const s = partial ?? {};
  const region = s.region ? regions.find((r) => r.id === s.region) : undefined;
  const baseURL =
    (region?.id === 'custom' ? s.baseURL?.trim() : region?.baseURL) || fallbackBaseURL.replace(/\/+$/, '');
  const known =
    region && region.id !== 'custom'
      ? region
      : regions.find((r) => r.id !== 'custom' && r.baseURL === baseURL);
  const regionName = known?.name ?? `custom, ${hostOf(baseURL)}`;
  const nonNegative = (v: number | undefined, d: number) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d;
  return {
    regionName,
    knownRegion: known !== undefined,
    baseURL: baseURL.replace(/\/+$/, ''),
    proxy: s.proxy?.trim() || null,
    connectTimeoutMs:
      nonNegative(s.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS) || DEFAULT_CONNECT_TIMEOUT_MS,
    idleTimeoutMs: nonNegative(s.idleTimeoutMs, DEFAULT_IDLE_TIMEOUT_MS),
    maxRetries: Math.floor(nonNegative(s.maxRetries, DEFAULT_MAX_RETRIES)),
    protocol: s.protocol ?? 'auto',
    contextCache: s.contextCache ?? true,
  };
}

/** The host (and port) of a URL, for messages; the text itself when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The engine's view of the app's Settings (issue 5's panel): the proxy, "seconds to wait for Qwen
 * to start answering" as the connection / first-byte timeout, and the retry count. The region is
 * left out on purpose: the base URL comes from `getBaseURL` (settings.baseURL()), which also
 * honours DASHSCOPE_BASE_URL; its region is named from that URL. The idle timeout keeps its default.
 */
export function engineSettingsFromApp(settings: SettingsService): () => Partial<EngineSettings> {
  return () => {
    const s = settings.get();
    return {
      proxy: s.proxy || null,
      connectTimeoutMs: s.requestTimeoutSeconds * 1000,
      maxRetries: s.retryCount,
      protocol: s.protocol,
      contextCache: s.contextCache,
    };
  };
}
