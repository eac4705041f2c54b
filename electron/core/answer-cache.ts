/**
 * The local answer cache (issue 14, item 5; the API document's "cache common query responses"):
 * requests meant to repeat (translations, and quick-window questions with a fixed seed or
 * temperature 0; ordinary chats only when Settings says so) are answered at once, with no request,
 * when the same text, model and options were answered in the last 24 hours. The entries live in the
 * history database (answer-cache-table.ts) and go with the answers they copy.
 */
import { createHash } from 'node:crypto';
import type { ChatMessage, ChatParams, Usage } from '../contract';
import type { AnswerCacheTable, CachedAnswer } from '../history/answer-cache-table';
import type { MessageRow } from '../history/rows';
import type { QwenClient } from '../qwen/qwen-client';
import type { Clock } from '../shared/clock';
import { describeModel } from '../shared/models';
import { buildChatBody } from '../shared/params';
import { isTranslationModel } from '../shared/translation';

export interface CacheableRequest {
  model: string;
  messages: ChatMessage[];
  params?: ChatParams | undefined;
}

/**
 * Whether a request is meant to repeat: a translation; a quick-window question whose answer is
 * fixed (a seed, or temperature 0); any chat when the user turned the cache on for chats.
 */
export function meantToRepeat(r: CacheableRequest, quick: boolean, cacheChats: boolean): boolean {
  if (isTranslationModel(r.model)) return true;
  const fixed = r.params?.seed !== undefined || r.params?.temperature === 0;
  return (quick && fixed) || cacheChats;
}

/**
 * The key: a SHA-256 of the body as it would be sent (model, every message's text and images, the
 * system prompt, translation options, sampling). Null when the request would be refused anyway.
 */
export function answerKey(r: CacheableRequest): string | null {
  let body;
  try {
    body = buildChatBody(describeModel(r.model), r.messages, r.params ?? {});
  } catch {
    return null;
  }
  const { stream: _stream, stream_options: _options, ...asked } = body;
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex');
}

/** A cached answer's usage: no tokens (no request was made, so it is free) and when it was saved. */
export const cachedUsage = (savedAt: number): Usage => ({
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  fromCache: { savedAt },
});

/**
 * A client that "streams" a cached answer: the whole text as one piece, then the end, through the
 * same stream manager as any answer, so the history, the window and a reload see an ordinary stream.
 */
export function replayClient(answer: CachedAnswer): QwenClient {
  const none = () => Promise.reject(new Error('A cached answer makes no requests.'));
  return {
    streamChat: async ({ onPart, signal }) => {
      if (signal.aborted) return;
      onPart({ type: 'delta', content: answer.content, reasoning: answer.reasoning ?? '' });
      onPart({ type: 'finish', finishReason: 'stop' });
      onPart({ type: 'usage', usage: cachedUsage(answer.savedAt) });
    },
    complete: none,
    listModels: none,
  };
}

export class AnswerCache {
  constructor(
    private readonly table: AnswerCacheTable,
    private readonly clock: Clock,
    /** Settings → "Answer repeated chat questions from the cache". */
    private readonly cacheChats: () => boolean,
  ) {}

  /** The key when the request may be answered from (and saved to) the cache; else null. */
  keyFor(request: CacheableRequest, quick: boolean): string | null {
    return meantToRepeat(request, quick, this.cacheChats()) ? answerKey(request) : null;
  }

  lookup(key: string): CachedAnswer | null {
    return this.table.get(key, this.clock.now());
  }

  /** Keeps a finished answer: complete ones only (not cut by max tokens, stopped or failed). */
  save(key: string, row: MessageRow | undefined): void {
    if (!row || row.status !== 'done' || row.finish_reason !== 'stop' || !row.content) return;
    this.table.put(
      key,
      { messageId: row.id, content: row.content, reasoning: row.reasoning },
      this.clock.now(),
    );
  }
}
