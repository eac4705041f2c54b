import { describe, expect, it } from 'vitest';
import { mainThreadCost, type TraceEvent } from '../../bench/support/trace-cost';

const MAIN = { pid: 1, tid: 7 };
const OTHER = { pid: 2, tid: 9 };
const x = (
  name: string,
  tsMs: number,
  durMs: number,
  where = MAIN,
  data?: Record<string, unknown>,
): TraceEvent => ({
  name,
  ph: 'X',
  ts: tsMs * 1000,
  dur: durMs * 1000,
  ...where,
  ...(data ? { args: { data } } : {}),
});
const threadNames: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, ...MAIN, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, ...OTHER, args: { name: 'CrRendererMain' } },
];

describe('main-thread cost from a devtools.timeline trace', () => {
  it('sums top-level tasks, gives each event its self time by category, finds long tasks and forced layouts', () => {
    const events = [
      ...threadNames,
      // A 60 ms task: script 30 ms (10 of them a layout it forced), then style 5, layout 10, paint 15.
      x('RunTask', 0, 60),
      x('FunctionCall', 0, 30, MAIN, { functionName: 'follow' }),
      x('Layout', 5, 10),
      x('UpdateLayoutTree', 30, 5),
      x('Layout', 35, 10),
      x('Paint', 45, 15),
      // A 10 ms task with nothing classified in it.
      x('RunTask', 100, 10),
      // Another renderer, less busy: not the page under test.
      x('RunTask', 0, 20, OTHER),
      x('Layout', 0, 20, OTHER),
    ];
    const cost = mainThreadCost(events);
    expect(cost.busyMs).toBe(70);
    expect(cost.byCategory).toEqual({ scripting: 20, style: 5, layout: 20, paint: 15, gc: 0, other: 10 });
    expect(cost.longTasks).toEqual([60]);
    expect(cost.forcedLayouts).toBe(1);
    expect(cost.forcedLayoutMs).toBe(10);
    expect(cost.forcedBy).toEqual({ 'FunctionCall follow': 1 });
  });

  it('counts only what ends after the window starts', () => {
    const events = [
      ...threadNames,
      x('RunTask', 0, 10),
      x('FunctionCall', 0, 10),
      x('Layout', 2, 3),
      x('RunTask', 50, 10),
      x('Paint', 50, 10),
    ];
    const cost = mainThreadCost(events, { fromUs: 20_000 });
    expect(cost.busyMs).toBe(10);
    expect(cost.forcedLayouts).toBe(0);
    expect(cost.byCategory.paint).toBe(10);
  });
});
