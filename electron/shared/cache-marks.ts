/**
 * Explicit context cache (qwen-api-2026.md §4.2): for models that support it, once the prompt
 * passes 1,024 tokens, the last content block of the request carries `cache_control: {"type":
 * "ephemeral"}`, and so does the system prompt (which must then be in array form). From the second
 * turn on, each request hits the cache the previous one created, billed at 10 % of the input price.
 * Pure code (no Node): both transports send what this marks.
 */
import type { ModelInfo } from '../contract';
import type { ChatBody, WireMessage } from './params';

/** Below this the service creates no cache (§4.1). */
export const CACHE_MIN_TOKENS = 1024;
const EPHEMERAL = { type: 'ephemeral' } as const;

/**
 * A cheap, slightly generous token estimate: CJK characters count about one token each, other
 * text about four characters a token (the real count comes back in the usage).
 */
export function estimateTokens(text: string): number {
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2e80 && c <= 0x9fff) cjk++;
  }
  return cjk + Math.ceil((text.length - cjk) / 4);
}

function messageText(m: WireMessage): string {
  return typeof m.content === 'string'
    ? m.content
    : m.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

/** The message with its last text block marked (a string becomes one marked text block). */
function marked(m: WireMessage): WireMessage {
  if (typeof m.content === 'string') {
    return { role: m.role, content: [{ type: 'text', text: m.content, cache_control: EPHEMERAL }] };
  }
  const parts = [...m.content];
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (p.type === 'text') {
      parts[i] = { ...p, cache_control: EPHEMERAL };
      break;
    }
  }
  return { role: m.role, content: parts };
}

/** Marks `body` in place when the model has explicit cache and the prompt is long enough. */
export function markCache(body: ChatBody, model: ModelInfo): void {
  if (!model.cache?.explicit || body.messages.length === 0) return;
  let tokens = 0;
  for (const m of body.messages) {
    tokens += estimateTokens(messageText(m));
    if (tokens > CACHE_MIN_TOKENS) break;
  }
  if (tokens <= CACHE_MIN_TOKENS) return;
  const last = body.messages.length - 1;
  body.messages = body.messages.map((m, i) =>
    i === last || (i === 0 && m.role === 'system') ? marked(m) : m,
  );
}
