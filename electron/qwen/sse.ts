/**
 * Reads DashScope's streamed answer (qwen-api.md §3, §5): `data: {json}` events ending with
 * `data: [DONE]`, an error in the middle of a stream (`data: {"error":…}`), and the native-style
 * error frame that can come on an HTTP 200 stream (`id:1`, `event:error`, `:HTTP_STATUS/429`,
 * `data:{code,message}`). Written by hand rather than through the SDK's iterator: the SDK drops
 * the event name and the status comment, and reading the body ourselves lets the idle timeout
 * watch every byte.
 */
import type { Usage } from '../contract';
import { QwenApiError, type DashScopeErrorBody } from './errors';

/** One piece of a streamed answer, as the core consumes it. */
export type QwenStreamPart =
  | { type: 'delta'; content: string; reasoning: string }
  | { type: 'finish'; finishReason: string }
  | { type: 'usage'; usage: Usage };

interface WireChunk {
  choices?: Array<{
    delta?: { content?: string | null; reasoning_content?: string | null };
    finish_reason?: string | null;
  }>;
  usage?: WireUsage | null;
  error?: DashScopeErrorBody;
  code?: string;
  message?: string;
}

interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
  prompt_tokens_details?: { cached_tokens?: number } | null;
}

export function toUsage(u: WireUsage): Usage {
  const usage: Usage = {
    promptTokens: u.prompt_tokens,
    completionTokens: u.completion_tokens,
    totalTokens: u.total_tokens,
  };
  const reasoning = u.completion_tokens_details?.reasoning_tokens;
  const cached = u.prompt_tokens_details?.cached_tokens;
  if (typeof reasoning === 'number') usage.reasoningTokens = reasoning;
  if (typeof cached === 'number') usage.cachedTokens = cached;
  return usage;
}

/**
 * An incremental SSE parser: feed it text as it arrives; it calls `onPart` for every piece of the
 * answer and throws QwenApiError for an error event. `done` turns true at `data: [DONE]`.
 */
export class SseAnswerParser {
  done = false;
  private buffer = '';
  private event: string | null = null;
  private status: number | undefined;
  private data: string[] = [];

  constructor(private readonly onPart: (part: QwenStreamPart) => void) {}

  push(text: string): void {
    const input = this.buffer + text;
    let start = 0;
    for (;;) {
      const nl = input.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && input.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line(input.slice(start, end));
      start = nl + 1;
    }
    this.buffer = input.slice(start);
  }

  /** The body ended: an event without its closing blank line still counts. */
  end(): void {
    if (this.buffer) this.line(this.buffer);
    this.buffer = '';
    this.dispatch();
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.charCodeAt(0) === 58 /* ':' */) {
      const status = /^:HTTP_STATUS\/(\d{3})/.exec(line);
      if (status) this.status = Number(status[1]);
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
  }

  private dispatch(): void {
    if (this.data.length === 0) {
      this.event = null;
      this.status = undefined;
      return;
    }
    const data = this.data.length === 1 ? this.data[0]! : this.data.join('\n');
    const event = this.event;
    const status = this.status;
    this.data = [];
    this.event = null;
    this.status = undefined;
    if (this.done) return;
    if (data === '[DONE]') {
      this.done = true;
      return;
    }
    let chunk: WireChunk;
    try {
      chunk = JSON.parse(data) as WireChunk;
    } catch {
      throw new QwenApiError({
        message: `Qwen sent something that is not JSON: ${data.slice(0, 200)}`,
        inStream: true,
      });
    }
    if (chunk.error) throw QwenApiError.fromBody(chunk.error, { status, inStream: true });
    if (event === 'error' || (chunk.code && chunk.message && !chunk.choices)) {
      // Native-style error frame: {request_id, code, message}.
      throw QwenApiError.fromBody(
        { code: chunk.code ?? null, message: chunk.message ?? '', type: chunk.code ?? null },
        { status, inStream: true },
      );
    }
    const choices = chunk.choices;
    if (choices) {
      for (let i = 0; i < choices.length; i++) {
        const choice = choices[i]!;
        const delta = choice.delta;
        if (delta) {
          const content = delta.content ?? '';
          const reasoning = delta.reasoning_content ?? '';
          if (content || reasoning) this.onPart({ type: 'delta', content, reasoning });
        }
        if (choice.finish_reason) this.onPart({ type: 'finish', finishReason: choice.finish_reason });
      }
    }
    if (chunk.usage) this.onPart({ type: 'usage', usage: toUsage(chunk.usage) });
  }
}
