import type { Clock } from '../../electron/shared/clock';

/**
 * A clock that runs `factor` times faster than real time (1000: a 2 s retry wait takes 2 ms) and
 * records every wait it was asked for, so retry delays can be asserted exactly without waiting.
 */
export function scaledClock(factor = 1000): Clock & { waits: number[] } {
  const origin = Date.now();
  const waits: number[] = [];
  return {
    waits,
    now: () => origin + (Date.now() - origin) * factor,
    setTimeout: (fn, ms) => {
      waits.push(ms);
      return setTimeout(fn, ms / factor);
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}
