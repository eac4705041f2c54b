/**
 * What a Chromium trace (devtools.timeline categories) says a page's main thread spent: busy time
 * (every top-level task), split by category the way DevTools' summary does (each event's self time
 * goes to its own category, or its parent's when it has none), tasks over 50 ms, and forced
 * synchronous layouts (style or layout run from inside script: JS read layout that was dirty).
 */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

export type Category = 'scripting' | 'style' | 'layout' | 'paint' | 'gc' | 'other';

export interface MainThreadCost {
  busyMs: number;
  byCategory: Record<Category, number>;
  longTasks: number[];
  forcedLayouts: number;
  forcedLayoutMs: number;
  /** What ran the forced layouts: the innermost script event's name and function or event type. */
  forcedBy: Record<string, number>;
  /** Each task over 50 ms: when (ms after the first task), and its self time by event name. */
  longTaskDetail: Array<{ atMs: number; ms: number; top: Record<string, number> }>;
  /** Self time (ms) of the events counted as "other", by name: what to classify next. */
  otherBy: Record<string, number>;
}

const SCRIPT = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.callFunction',
  'v8.run',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
  'RunMicrotasks',
  'XHRReadyStateChange',
  'ParseHTML',
]);
const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet']);
const LAYOUT = new Set(['Layout', 'IntersectionObserverController::computeIntersections']);
const PAINT = new Set([
  'PrePaint',
  'Paint',
  'PaintImage',
  'Layerize',
  'UpdateLayer',
  'UpdateLayerTree',
  'CompositeLayers',
  'Commit',
  'RasterTask',
  'Decode Image',
]);
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCFinalizeMC', 'BlinkGC.AtomicPhase']);

function categoryOf(name: string): Category | null {
  if (SCRIPT.has(name)) return 'scripting';
  if (STYLE.has(name)) return 'style';
  if (LAYOUT.has(name)) return 'layout';
  if (PAINT.has(name)) return 'paint';
  if (GC.has(name) || name.startsWith('V8.GC')) return 'gc';
  return null;
}

const TASK = 'RunTask';

/** The renderer main thread that did the most work (the page under test). */
export function mainThreadOf(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  let best = { pid: 0, tid: 0, busy: -1 };
  for (const m of mains) {
    const busy = events
      .filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === TASK && e.ph === 'X')
      .reduce((n, e) => n + (e.dur ?? 0), 0);
    if (busy > best.busy) best = { pid: m.pid, tid: m.tid, busy };
  }
  if (best.busy < 0) throw new Error('the trace has no renderer main thread');
  return best;
}

/** The main thread's cost in the trace, between `fromUs` and `toUs` (trace clock, µs) if given. */
export function mainThreadCost(
  events: readonly TraceEvent[],
  window: { fromUs?: number; toUs?: number } = {},
): MainThreadCost {
  const { pid, tid } = mainThreadOf(events);
  const from = window.fromUs ?? -Infinity;
  const to = window.toUs ?? Infinity;
  const own = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .filter((e) => e.ts + e.dur! >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  const byCategory: Record<Category, number> = {
    scripting: 0,
    style: 0,
    layout: 0,
    paint: 0,
    gc: 0,
    other: 0,
  };
  const longTasks: number[] = [];
  let busyUs = 0;
  let forcedLayouts = 0;
  let forcedLayoutUs = 0;
  // The open events, outermost first, each with the category its self time goes to.
  const forcedBy: Record<string, number> = {};
  const otherBy: Record<string, number> = {};
  const longTaskDetail: MainThreadCost['longTaskDetail'] = [];
  let inLong: Record<string, number> | null = null;
  let firstTs = -1;
  const stack: Array<{
    name: string;
    end: number;
    cat: Category;
    script: string | null;
    childUs: number;
    dur: number;
  }> = [];
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      const self = Math.max(0, done.dur - done.childUs) / 1000;
      byCategory[done.cat] += self;
      if (done.cat === 'other') otherBy[done.name] = (otherBy[done.name] ?? 0) + self;
      if (inLong) inLong[done.name] = (inLong[done.name] ?? 0) + self;
    }
  };
  for (const e of own) {
    close(e.ts);
    const parent = stack.at(-1);
    if (!parent && e.name !== TASK) continue; // outside any task: not main-thread work
    const own = categoryOf(e.name);
    const cat = own ?? parent?.cat ?? 'other';
    if (parent) parent.childUs += e.dur!;
    else {
      busyUs += e.dur!;
      if (firstTs < 0) firstTs = e.ts;
      inLong = null;
      if (e.dur! > 50_000) {
        longTasks.push(Math.round(e.dur! / 1000));
        inLong = {};
        longTaskDetail.push({
          atMs: Math.round((e.ts - firstTs) / 1000),
          ms: Math.round(e.dur! / 1000),
          top: inLong,
        });
      }
    }
    const script = stack.findLast((s) => s.script)?.script;
    if ((own === 'layout' || own === 'style') && script && e.name !== 'ParseAuthorStyleSheet') {
      if (own === 'layout') {
        forcedLayouts++;
        forcedBy[script] = (forcedBy[script] ?? 0) + 1;
      }
      forcedLayoutUs += e.dur!;
    }
    const data = e.args?.data;
    const what = data?.functionName || data?.type || data?.url || '';
    stack.push({
      name: e.name,
      end: e.ts + e.dur!,
      cat,
      script: own === 'scripting' ? `${e.name} ${String(what)}`.trim() : null,
      childUs: 0,
      dur: e.dur!,
    });
  }
  close(Infinity);
  for (const k of Object.keys(byCategory) as Category[]) byCategory[k] = Math.round(byCategory[k]);
  return {
    busyMs: busyUs / 1000,
    byCategory,
    longTasks,
    forcedLayouts,
    forcedLayoutMs: forcedLayoutUs / 1000,
    forcedBy,
    longTaskDetail: longTaskDetail.map((t) => ({ ...t, top: topOf(t.top, 6) })),
    otherBy: topOf(otherBy, 8),
  };
}

const topOf = (by: Record<string, number>, n: number): Record<string, number> =>
  Object.fromEntries(
    Object.entries(by)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => [k, Math.round(v)]),
  );
