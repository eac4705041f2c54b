/**
 * The explicit context cache, as the fake server plays it (qwen-api-2026.md §4.2): a request
 * whose messages carry `cache_control` creates a cache of the prefix up to its last marker, after
 * it completes; a later request that starts with a cached prefix reads it (cached tokens) and
 * writes the rest up to its own marker (cache-creation tokens). Tokens are counted as the fake
 * counts them everywhere, a quarter of the characters.
 */
type Part = { text?: string; cache_control?: unknown };
type Message = { role: string; content: unknown };

const tokensOf = (text: string) => Math.ceil(text.length / 4);

function parts(m: Message): Part[] {
  if (typeof m.content === 'string') return [{ text: m.content }];
  return Array.isArray(m.content) ? (m.content as Part[]) : [];
}

export interface CacheUsage {
  promptTokens: number;
  cachedTokens: number;
  cacheCreationTokens: number;
}

export class CacheSimulator {
  /** Cached prefixes: their key (roles and texts) → tokens. TTL is not played (runs are short). */
  private readonly cached = new Map<string, number>();

  /** The usage of a request with these messages; null when it carries no marker. */
  use(messages: Message[]): CacheUsage | null {
    let key = '';
    let tokens = 0;
    let hit = 0;
    let markedKey: string | null = null;
    let markedTokens = 0;
    for (const m of messages) {
      for (const p of parts(m)) {
        key += `\u0000${m.role}\u0001${p.text ?? ''}`;
        tokens += tokensOf(p.text ?? '');
        if (this.cached.has(key)) hit = tokens;
        if (p.cache_control) {
          markedKey = key;
          markedTokens = tokens;
        }
      }
    }
    if (markedKey === null) return null;
    const cachedTokens = Math.min(hit, markedTokens);
    this.cached.set(markedKey, markedTokens);
    return { promptTokens: tokens, cachedTokens, cacheCreationTokens: markedTokens - cachedTokens };
  }
}
