/**
 * When to try a failed request again (issue 3 §7): only before the first token, with exponential
 * backoff and jitter, and as long as the server asked when it sent `Retry-After`.
 */
import { retryInfo } from './errors';

/** First wait, before jitter. */
export const RETRY_BASE_MS = 1000;
/** Longest wait between attempts we choose ourselves. */
export const RETRY_CAP_MS = 20_000;
/** A server asking for more than this is not retried: the user decides. */
export const RETRY_AFTER_MAX_MS = 60_000;

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1): base·2^(attempt−1), capped, with
 * ±25 % jitter so several windows do not retry in lockstep; `random` is injected for tests.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.75 + 0.5 * random()));
}

/**
 * How long to wait before trying again after `err` on attempt `attempt` of `maxAttempts`, or null
 * when it must not be retried.
 */
export function retryDelay(
  err: unknown,
  attempt: number,
  maxAttempts: number,
  random: () => number = Math.random,
): number | null {
  if (attempt >= maxAttempts) return null;
  const info = retryInfo(err);
  if (!info.retryable) return null;
  if (info.retryAfterMs !== undefined) {
    return info.retryAfterMs <= RETRY_AFTER_MAX_MS ? info.retryAfterMs : null;
  }
  return backoffDelay(attempt, random);
}
