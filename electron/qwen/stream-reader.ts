/**
 * Reads one streamed answer, whichever protocol sent it: the idle watchdog (the longest silence
 * between two reads), the "a 200 that is not a stream" check, the reader's limits, and keeping the
 * connection for the next request once the answer is complete. Both transports (qwen-client.ts,
 * native-client.ts) open the request their own way and hand the response here, so cancel, timeouts
 * and errors behave the same on both.
 */
import type { Clock } from '../shared/clock';
import { IdleTimeoutError, QwenApiError, StreamEndedEarlyError } from './errors';
import { type SseAnswerParser, type QwenStreamPart } from './sse';

export interface ReadStreamOptions {
  /** Sends the request; resolves with the response once its headers arrived. */
  open: (signal: AbortSignal) => Promise<Response>;
  signal: AbortSignal;
  idleTimeoutMs: number;
  clock: Clock;
  onPart: (part: QwenStreamPart) => void;
  /** The parser for this protocol's frames. */
  parser: (onPart: (part: QwenStreamPart) => void) => SseAnswerParser;
}

export async function readAnswerStream(options: ReadStreamOptions): Promise<void> {
  const { signal, idleTimeoutMs, clock, onPart } = options;
  // Our own controller as well as the caller's: the idle watchdog aborts through it.
  const idle = new AbortController();
  const combined = AbortSignal.any([signal, idle.signal]);
  let lastActivity = clock.now();
  let timedOut = false;
  let timer: unknown = null;
  const watch = (wait: number) => {
    timer = clock.setTimeout(() => {
      const quiet = clock.now() - lastActivity;
      if (quiet >= idleTimeoutMs) {
        timedOut = true;
        idle.abort();
      } else watch(idleTimeoutMs - quiet);
    }, wait);
  };
  try {
    const response = await options.open(combined);
    // From here the idle timeout applies; until the headers came, the connection timeout did.
    lastActivity = clock.now();
    if (idleTimeoutMs > 0) watch(idleTimeoutMs);
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      // A 200 that is not a stream: a gateway's JSON error, or something else entirely.
      const text = await response.text();
      throw unexpectedBody(text, response.status);
    }
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let finished = false;
    const parser = options.parser((part) => {
      if (part.type === 'finish') finished = true;
      onPart(part);
    });
    for (;;) {
      const { value, done } = await reader.read();
      lastActivity = clock.now();
      if (done) break;
      try {
        parser.push(decoder.decode(value, { stream: true }));
      } catch (err) {
        // A limit hit or an error event: stop reading so the server stops sending (issue 9).
        void reader.cancel().catch(() => undefined);
        throw err;
      }
      if (parser.done) {
        // The answer is complete; read the (empty) rest in the background rather than cancel,
        // so the connection stays open for the next request.
        void drainBody(reader, clock);
        return;
      }
    }
    parser.push(decoder.decode());
    parser.end();
    if (!parser.done && !finished) throw new StreamEndedEarlyError();
  } catch (err) {
    if (timedOut && !signal.aborted) throw new IdleTimeoutError(idleTimeoutMs);
    throw err;
  } finally {
    if (timer !== null) clock.clearTimeout(timer);
  }
}

/** How long to wait for a body to end after the last event before closing the connection instead. */
const DRAIN_MS = 2000;

async function drainBody(reader: ReadableStreamDefaultReader<Uint8Array>, clock: Clock): Promise<void> {
  const timer = clock.setTimeout(() => void reader.cancel().catch(() => undefined), DRAIN_MS);
  try {
    while (!(await reader.read()).done) {
      // nothing after the end of the answer matters
    }
  } catch {
    // cancelled or cut: either way the answer was already complete
  } finally {
    clock.clearTimeout(timer);
  }
}

/** An error body as text (compatible `{"error":…}` or native `{code,message}`), else the text itself. */
export function unexpectedBody(text: string, status: number): QwenApiError {
  try {
    const value = JSON.parse(text) as {
      error?: { message?: string; code?: string; type?: string };
      code?: string;
      message?: string;
    };
    const error = value.error ?? (value.code ? value : null);
    if (error) return QwenApiError.fromBody(error, { status });
  } catch {
    // not JSON
  }
  return new QwenApiError({ message: `Qwen answered without a stream: ${text.slice(0, 200)}`, status });
}
