/**
 * Reads DashScope's streamed answer (qwen-api.md §3, §5): `data: {json}` events ending with
 * `data: [DONE]`, an error in the middle of a stream (`data: {"error":…}`), and the native-style
 * error frame that can come on an HTTP 200 stream (`id:1`, `event:error`, `:HTTP_STATUS/429`,
 * `data:{code,message}`). Written by hand rather than through the SDK's iterator: the SDK drops
 * the event name and the status comment, and reading the body ourselves lets the idle timeout
 * watch every byte.
 */
import type { Usage } from '../contract';
import { QwenApiError, STREAM_LIMIT_CODE, type DashScopeErrorBody } from './errors';
import { FullTextIncrements } from './full-text';
import {
  cacheFields,
  contentText,
  nativeUsage,
  type CacheDetails,
  type NativeChunk,
  type NativeSearchResult,
  type NativeUsage,
  type SearchAsked,
} from './native-wire';

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
  prompt_tokens_details?: CacheDetails | null;
  /** Implicit-cache hits of some models, outside `prompt_tokens_details` (§4.3: parse both). */
  cached_tokens?: number;
}

export function toUsage(u: WireUsage): Usage {
  const usage: Usage = {
    promptTokens: u.prompt_tokens,
    completionTokens: u.completion_tokens,
    totalTokens: u.total_tokens,
    ...cacheFields(u.prompt_tokens_details, u.cached_tokens),
  };
  const reasoning = u.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number') usage.reasoningTokens = reasoning;
  return usage;
}

/**
 * An incremental SSE parser: feed it text as it arrives; it calls `onPart` for every piece of the
 * answer and throws QwenApiError for an error event. `done` turns true at `data: [DONE]`.
 */
/**
 * Limits (issue 9, bug 10). The longest answer any catalog model may write is 65,536 tokens of
 * output plus a thinking budget of up to ~80K tokens; at a generous 8 characters a token that is
 * about 1.2 million characters, so 4 million characters (content + reasoning) is far past any real
 * answer and still small enough to keep in memory, save and render. One SSE line carries one delta
 * (a few hundred bytes); 16 MiB allows any plausible line and stops a server that never sends `\n`.
 */
export const MAX_SSE_LINE_CHARS = 16 * 1024 * 1024;
export const MAX_ANSWER_CHARS = 4_000_000;

/**
 * An incremental SSE parser: feed it text as it arrives; it calls `onPart` for every piece of the
 * answer and throws QwenApiError for an error event. `done` turns true at `data: [DONE]`.
 * Linear in the input: line ends are looked for only in new text, and an unfinished line is kept as
 * a list of pieces joined once, when its end arrives (not re-scanned or re-copied per chunk).
 */
export class SseAnswerParser {
  done = false;
  private pending: string[] = [];
  private pendingChars = 0;
  private answerChars = 0;
  private event: string | null = null;
  private status: number | undefined;
  private data: string[] = [];

  constructor(
    private readonly onPart: (part: QwenStreamPart) => void,
    private readonly limits: { lineChars: number; answerChars: number } = {
      lineChars: MAX_SSE_LINE_CHARS,
      answerChars: MAX_ANSWER_CHARS,
    },
    /**
     * DashScope's native framing (issue 13) instead of compatible mode's: no `[DONE]`, the answer
     * ends with the event whose finish reason is not "null"; `search` when web search was asked.
     */
    private readonly native: { search: SearchAsked | null } | null = null,
  ) {}

  /**
   * Issue 14: the model repeats the whole text in every event (qwen-mt-plus/turbo): set by the
   * transports before the first push; the deltas passed on are then the new parts only.
   */
  set repeatsFullText(on: boolean) {
    this.fullText = on ? new FullTextIncrements() : null;
  }
  private fullText: FullTextIncrements | null = null;

  /** Native: the latest usage and sources (usage comes in every event; sent once, at the end). */
  private nativeUsage: NativeUsage | null = null;
  private searchResults: NativeSearchResult[] | undefined;

  push(text: string): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (this.pending.length === 0) {
        // The whole line is in this piece (nearly always): no copy into the pending list.
        if (end - start > this.limits.lineChars) throw this.lineTooLong();
        this.line(end > start ? text.slice(start, end) : '');
        start = nl + 1;
        continue;
      }
      if (nl === start && this.pendingChars > 0) {
        // A `\r` ending the kept piece belongs to this line end.
        const last = this.pending[this.pending.length - 1]!;
        if (last.charCodeAt(last.length - 1) === 13)
          this.pending[this.pending.length - 1] = last.slice(0, -1);
        end = nl;
      }
      this.take(text, start, end);
      this.line(this.pending.length === 1 ? this.pending[0]! : this.pending.join(''));
      this.pending.length = 0;
      this.pendingChars = 0;
      start = nl + 1;
    }
    if (start < text.length) this.take(text, start, text.length);
  }

  private take(text: string, from: number, to: number): void {
    if (to <= from) {
      if (this.pending.length === 0) this.pending.push('');
      return;
    }
    this.pendingChars += to - from;
    if (this.pendingChars > this.limits.lineChars) throw this.lineTooLong();
    this.pending.push(from === 0 && to === text.length ? text : text.slice(from, to));
  }

  private lineTooLong(): QwenApiError {
    return new QwenApiError({
      message: `Qwen sent a line longer than ${this.limits.lineChars} characters; the answer was stopped.`,
      code: STREAM_LIMIT_CODE,
      type: 'line',
      limit: this.limits.lineChars,
      inStream: true,
    });
  }

  /** The body ended: an event without its closing blank line still counts. */
  end(): void {
    let rest = this.pending.join('');
    if (rest.charCodeAt(rest.length - 1) === 13) rest = rest.slice(0, -1);
    this.pending = [];
    this.pendingChars = 0;
    if (rest) this.line(rest);
    this.dispatch();
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    const first = line.charCodeAt(0);
    if (first === 58 /* ':' */) {
      // `:HTTP_STATUS/200` on every native event: read without a regular expression.
      if (line.startsWith(':HTTP_STATUS/')) {
        const status = Number(line.slice(13, 16));
        if (status >= 100 && status <= 999) this.status = status;
      }
      return;
    }
    // `id:N` (native, on every event) carries nothing the answer needs.
    if (first === 105 /* 'i' */ && line.startsWith('id:')) return;
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
    if (this.native) return this.nativeEvent(chunk as NativeChunk);
    const choices = chunk.choices;
    if (choices) {
      for (let i = 0; i < choices.length; i++) {
        const choice = choices[i]!;
        const delta = choice.delta;
        if (delta) {
          const content = delta.content ?? '';
          const reasoning = delta.reasoning_content ?? '';
          if (content || reasoning) this.delta(content, reasoning);
        }
        if (choice.finish_reason) this.onPart({ type: 'finish', finishReason: choice.finish_reason });
      }
    }
    if (chunk.usage) this.onPart({ type: 'usage', usage: toUsage(chunk.usage) });
  }

  private delta(content: string, reasoning: string): void {
    if (this.fullText) content = this.fullText.next(content);
    if (!content && !reasoning) return;
    this.answerChars += content.length + reasoning.length;
    if (this.answerChars > this.limits.answerChars) {
      throw new QwenApiError({
        message: `The answer passed ${this.limits.answerChars} characters, more than any Qwen model writes; it was stopped.`,
        code: STREAM_LIMIT_CODE,
        type: 'answer',
        limit: this.limits.answerChars,
        inStream: true,
      });
    }
    this.onPart({ type: 'delta', content, reasoning });
  }

  /** One native event (native-wire.ts): deltas, sources, and at the last one usage and the end. */
  private nativeEvent(chunk: NativeChunk): void {
    const output = chunk.output;
    if (chunk.usage) this.nativeUsage = chunk.usage;
    const results = output?.search_info?.search_results;
    if (Array.isArray(results) && results.length > 0) this.searchResults = results;
    let finish: string | null = null;
    const choices = output?.choices;
    if (choices) {
      for (let i = 0; i < choices.length; i++) {
        const choice = choices[i]!;
        const content = contentText(choice.message?.content);
        const reasoning = choice.message?.reasoning_content ?? '';
        if (content || reasoning) this.delta(content, reasoning);
        if (choice.finish_reason && choice.finish_reason !== 'null') finish = choice.finish_reason;
      }
    } else if (output) {
      // result_format "text" (never asked for, but older models may answer so).
      const text = output.text ?? '';
      if (text) this.delta(text, '');
      if (output.finish_reason && output.finish_reason !== 'null') finish = output.finish_reason;
    }
    if (finish === null) return;
    this.onPart({ type: 'finish', finishReason: finish });
    if (this.nativeUsage) {
      this.onPart({
        type: 'usage',
        usage: nativeUsage(this.nativeUsage, this.native!.search, this.searchResults),
      });
    }
    this.done = true;
  }
}
