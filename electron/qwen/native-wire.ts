/**
 * DashScope's native stream events, as the 2026 reference describes them (qwen-api-2026.md §1.3,
 * §4.3, §7.3): `output.choices[].message` deltas (with `incremental_output: true`), `finish_reason`
 * the string "null" until the last event, usage in every event (native names), web-search sources
 * in `output.search_info`, the search count in `usage.plugins.search.count`.
 */
import type { SearchStrategy, Usage } from '../contract';

export interface NativeChunk {
  output?: {
    text?: string | null;
    finish_reason?: string | null;
    choices?: Array<{
      finish_reason?: string | null;
      message?: {
        content?: string | Array<{ text?: string }> | null;
        reasoning_content?: string | null;
      };
    }>;
    search_info?: { search_results?: NativeSearchResult[] } | null;
  };
  usage?: NativeUsage | null;
}

interface NativeSearchResult {
  index?: number;
  title?: string;
  url?: string;
  site_name?: string;
  icon?: string;
}

export interface NativeUsage {
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
  image_tokens?: number;
  cached_tokens?: number;
  input_tokens_details?: { image_tokens?: number } | null;
  output_tokens_details?: { reasoning_tokens?: number } | null;
  prompt_tokens_details?: CacheDetails | null;
  plugins?: { search?: { count?: number } } | null;
}

/** `prompt_tokens_details` in either protocol (§4.2, §4.3). */
export interface CacheDetails {
  cached_tokens?: number;
  cache_type?: string;
  cache_creation_input_tokens?: number;
}

/** Search as the request asked for it: a count of 0 then means search was skipped. */
export interface SearchAsked {
  strategy?: SearchStrategy | undefined;
}

const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined;

/** Cached and cache-creation tokens, wherever this answer reported them (parse both places, §4.3). */
export function cacheFields(
  details: CacheDetails | null | undefined,
  topLevelCached?: unknown,
): Partial<Usage> {
  const out: Partial<Usage> = {};
  const cached = count(details?.cached_tokens) ?? count(topLevelCached);
  const created = count(details?.cache_creation_input_tokens);
  if (cached !== undefined) out.cachedTokens = cached;
  if (created !== undefined) out.cacheCreationTokens = created;
  if (details?.cache_type === 'ephemeral' || created) out.cacheType = 'explicit';
  else if (cached) out.cacheType = 'implicit';
  return out;
}

/** Safe web links only reach the sources list; everything else is dropped here. */
function sourcesOf(results: NativeSearchResult[] | undefined): NonNullable<Usage['search']>['sources'] {
  if (!Array.isArray(results)) return [];
  return results.slice(0, 100).flatMap((r, i) => {
    const url = typeof r.url === 'string' ? r.url.slice(0, 8192) : '';
    if (!/^https?:\/\//i.test(url)) return [];
    return [
      {
        index: count(r.index) ?? i + 1,
        title: typeof r.title === 'string' ? r.title.slice(0, 2000) : '',
        url,
        siteName: typeof r.site_name === 'string' ? r.site_name.slice(0, 500) : '',
      },
    ];
  });
}

export function nativeUsage(
  u: NativeUsage,
  search: SearchAsked | null,
  results: NativeSearchResult[] | undefined,
): Usage {
  const promptTokens = count(u.input_tokens) ?? 0;
  const completionTokens = count(u.output_tokens) ?? 0;
  const usage: Usage = {
    promptTokens,
    completionTokens,
    totalTokens: count(u.total_tokens) ?? promptTokens + completionTokens,
    ...cacheFields(u.prompt_tokens_details, u.cached_tokens),
  };
  const reasoning = count(u.output_tokens_details?.reasoning_tokens);
  if (reasoning !== undefined) usage.reasoningTokens = reasoning;
  const images = count(u.image_tokens) ?? count(u.input_tokens_details?.image_tokens);
  if (images !== undefined) usage.imageTokens = images;
  const searches = count(u.plugins?.search?.count);
  if (search || searches !== undefined) {
    usage.search = {
      count: searches ?? 0,
      ...(search?.strategy ? { strategy: search.strategy } : {}),
      sources: sourcesOf(results),
    };
  }
  return usage;
}

/** The text of a native message's content: a string, or `[{"text":…}]` for VL models. */
export function contentText(content: string | Array<{ text?: string }> | null | undefined): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) if (typeof part?.text === 'string') text += part.text;
  return text;
}

export type { NativeSearchResult };
