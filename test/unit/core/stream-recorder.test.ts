import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../electron/shared/clock';
import { EventHub } from '../../../electron/core/event-hub';
import { FLUSH_INTERVAL_MS, StreamRecorder } from '../../../electron/core/stream-recorder';
import { HistoryStore } from '../../../electron/history/history-store';
import { tempHistoryDir } from '../../support/history';

/** A clock whose timers run only when the test advances time. */
function manualClock() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (t) => void timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { clock, advance };
}

const stores: HistoryStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function setup() {
  const store = HistoryStore.open(tempHistoryDir());
  stores.push(store);
  const hub = new EventHub();
  const { clock, advance } = manualClock();
  const recorder = new StreamRecorder(store, hub, clock);
  const c = store.conversations.create({ now: 0 });
  const q = store.messages.insert({ conversationId: c, parentId: null, role: 'user', content: 'q', now: 0 });
  const a = store.messages.insert({
    conversationId: c,
    parentId: q,
    role: 'assistant',
    content: '',
    status: 'streaming',
    now: 0,
  });
  const row = () => store.messages.get(a)!;
  return { store, hub, recorder, advance, a, row };
}

describe('StreamRecorder', () => {
  it('flushes streamed text within the flush interval, then writes the final state', () => {
    const { hub, recorder, advance, a, row } = setup();
    recorder.record('s1', a);
    hub.emit('chat.event', { type: 'delta', streamId: 's1', content: 'Hello', reasoning: 'think' });
    expect(row().content).toBe('');
    advance(FLUSH_INTERVAL_MS - 1);
    expect(row().content).toBe('');
    advance(1);
    expect(row()).toMatchObject({ content: 'Hello', reasoning: 'think', status: 'streaming' });
    hub.emit('chat.event', { type: 'delta', streamId: 's1', content: ', world' });
    const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };
    hub.emit('chat.event', { type: 'done', streamId: 's1', status: 'done', finishReason: 'length', usage });
    expect(row()).toMatchObject({ content: 'Hello, world', status: 'done', finish_reason: 'length' });
    expect(JSON.parse(row().usage!)).toEqual(usage);
    expect(FLUSH_INTERVAL_MS).toBeLessThan(250);
  });

  it('gives a joining window the answer as it stands in memory, and how much of it this stream sent', () => {
    const { hub, recorder, a, row } = setup();
    expect(recorder.live(a)).toBeNull();
    recorder.record('s1', a, undefined, { content: 'Earlier. ', reasoning: null, usage: null });
    hub.emit('chat.event', {
      type: 'delta',
      streamId: 's1',
      content: 'Now',
      reasoning: 'hm',
      at: 0,
      reasoningAt: 0,
    });
    hub.emit('chat.event', { type: 'delta', streamId: 's1', content: ' more', at: 3, reasoningAt: 2 });
    expect(row().content).toBe(''); // not saved yet: the live text is newer than the row
    expect(recorder.live(a)).toEqual({
      streamId: 's1',
      content: 'Earlier. Now more',
      reasoning: 'hm',
      streamed: { content: 8, reasoning: 2 },
    });
    hub.emit('chat.event', {
      type: 'done',
      streamId: 's1',
      status: 'done',
      finishReason: 'stop',
      usage: null,
    });
    expect(recorder.live(a)).toBeNull();
  });

  it('maps errors: interrupted keeps the text, a failure before any text is an error', () => {
    const { hub, recorder, a, row } = setup();
    recorder.record('s2', a);
    hub.emit('chat.event', { type: 'delta', streamId: 's2', content: 'partial' });
    const error = { code: 'network' as const, message: 'The connection dropped.' };
    hub.emit('chat.event', { type: 'error', streamId: 's2', error, interrupted: true });
    expect(row()).toMatchObject({ content: 'partial', status: 'interrupted' });
    expect(JSON.parse(row().error!)).toEqual(error);
  });

  it('keeps events that arrive before the stream is registered, while a start is under way', () => {
    const { hub, recorder, a, row } = setup();
    const started = recorder.expectStream();
    hub.emit('chat.event', { type: 'delta', streamId: 'early', content: 'fast ' });
    hub.emit('chat.event', {
      type: 'done',
      streamId: 'early',
      status: 'stopped',
      finishReason: null,
      usage: null,
    });
    recorder.record('early', a);
    started();
    expect(row()).toMatchObject({ content: 'fast ', status: 'stopped' });
  });

  it('on shutdown writes what each unfinished answer has, marked interrupted', () => {
    const { hub, recorder, a, row } = setup();
    recorder.record('s3', a);
    hub.emit('chat.event', { type: 'delta', streamId: 's3', content: 'half an ans' });
    recorder.finishAll();
    expect(row()).toMatchObject({ content: 'half an ans', status: 'interrupted' });
  });
});
