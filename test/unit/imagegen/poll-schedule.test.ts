import { describe, expect, it } from 'vitest';
import {
  MAX_POLL_MS,
  nextPollDelay,
  PollGate,
  pollPlan,
  POLLS_PER_SECOND,
} from '../../../electron/imagegen/poll-schedule';

describe('polling an image task', () => {
  it('polls every 3 s for the first 30 s, then backs off by half again up to 15 s', () => {
    expect(pollPlan(16)).toEqual([...Array(10).fill(3000), 4500, 6750, 10125, 15000, 15000, 15000]);
    expect(nextPollDelay(0, null)).toBe(3000);
    expect(nextPollDelay(60_000, 14_000)).toBe(MAX_POLL_MS);
  });

  it('a task that takes an hour costs about 250 polls, not 1200', () => {
    let elapsed = 0;
    let polls = 0;
    for (const wait of pollPlan(10_000)) {
      if ((elapsed += wait) > 3_600_000) break;
      polls++;
    }
    expect(polls).toBeLessThan(260);
    expect(polls).toBeGreaterThan(230);
  });

  it('spaces polls of many tasks to at most 10 a second (the account limit is 20)', async () => {
    // A clock that stands still and records each wait (then runs it at once).
    const waits: number[] = [];
    const gate = new PollGate({
      now: () => 1_000_000,
      setTimeout: (fn, ms) => {
        waits.push(ms);
        fn();
      },
      clearTimeout: () => undefined,
    });
    await Promise.all(Array.from({ length: 25 }, () => gate.take()));
    const spacing = 1000 / POLLS_PER_SECOND;
    // The first goes at once; each later one waits one slot more than the one before.
    expect(waits).toEqual(Array.from({ length: 24 }, (_, i) => (i + 1) * spacing));
    expect(POLLS_PER_SECOND).toBeLessThanOrEqual(20);
  });
});
