import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS, usePendingDelete } from '../../../../renderer/src/state/pending-delete-store';

function recorder(name: string, log: string[]) {
  return {
    label: { key: 'undo.deletedMessage' as const },
    commit: async () => void log.push(`commit ${name}`),
    restore: () => void log.push(`restore ${name}`),
  };
}

describe('pending deletes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(async () => {
    await usePendingDelete.getState().flush();
    vi.useRealTimers();
  });

  it('carries out a delete only when the undo time is up', async () => {
    const log: string[] = [];
    await usePendingDelete.getState().schedule(recorder('a', log));
    await vi.advanceTimersByTimeAsync(UNDO_MS - 1);
    expect(log).toEqual([]);
    expect(usePendingDelete.getState().pending).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['commit a']);
    expect(usePendingDelete.getState().pending).toBeNull();
  });

  it('Undo restores and never deletes', async () => {
    const log: string[] = [];
    await usePendingDelete.getState().schedule(recorder('a', log));
    usePendingDelete.getState().undo();
    await vi.advanceTimersByTimeAsync(UNDO_MS * 2);
    expect(log).toEqual(['restore a']);
  });

  it('a second delete carries out the first at once; its own time starts then', async () => {
    const log: string[] = [];
    await usePendingDelete.getState().schedule(recorder('a', log));
    await vi.advanceTimersByTimeAsync(UNDO_MS / 2);
    await usePendingDelete.getState().schedule(recorder('b', log));
    expect(log).toEqual(['commit a']);
    await vi.advanceTimersByTimeAsync(UNDO_MS / 2);
    expect(log).toEqual(['commit a']); // b's 10 s are not up yet
    usePendingDelete.getState().undo();
    expect(log).toEqual(['commit a', 'restore b']);
  });

  it('flush (before a write on top of what is hidden) carries it out now, once', async () => {
    const log: string[] = [];
    await usePendingDelete.getState().schedule(recorder('a', log));
    await usePendingDelete.getState().flush();
    await usePendingDelete.getState().flush();
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    expect(log).toEqual(['commit a']);
  });
});
