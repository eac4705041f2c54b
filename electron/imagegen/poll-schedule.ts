/**
 * How often an image task is polled (qwen-api-2026.md §2.3, §8.3): every 3 s for the first 30 s
 * (most tasks end there), then each wait half as long again, up to 15 s; and never more than
 * `POLLS_PER_SECOND` queries a second across all tasks, half the task API's 20 RPS account limit,
 * so many tasks at once (or a resume of many after a restart) cannot reach it.
 */
import type { Clock } from '../shared/clock';

export const FIRST_POLL_MS = 3_000;
export const FAST_PHASE_MS = 30_000;
export const MAX_POLL_MS = 15_000;
export const POLLS_PER_SECOND = 10;
/** Tasks are kept 24 h (§2.3): after that a task can only be UNKNOWN, so polling stops. */
export const TASK_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The wait before the next poll, from the task's age and the previous wait. */
export function nextPollDelay(elapsedMs: number, previousMs: number | null): number {
  if (elapsedMs < FAST_PHASE_MS || previousMs === null) return FIRST_POLL_MS;
  return Math.min(MAX_POLL_MS, Math.round(Math.max(previousMs, FIRST_POLL_MS) * 1.5));
}

/** The waits a task that never ends sees, for the first `count` polls (used by tests and the report). */
export function pollPlan(count: number): number[] {
  const waits: number[] = [];
  let elapsed = 0;
  let previous: number | null = null;
  for (let i = 0; i < count; i++) {
    previous = nextPollDelay(elapsed, previous);
    elapsed += previous;
    waits.push(previous);
  }
  return waits;
}

/** Spaces the polls of all tasks at least 1 / POLLS_PER_SECOND s apart. */
export class PollGate {
  private nextFree = 0;
  constructor(private readonly clock: Clock) {}

  /** Resolves when this poll may go. */
  take(): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextFree);
    this.nextFree = at + 1000 / POLLS_PER_SECOND;
    if (at <= now) return Promise.resolve();
    return new Promise((resolve) => this.clock.setTimeout(resolve, at - now));
  }
}
