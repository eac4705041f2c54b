/**
 * Issue 12: the app's version and its updater's state, as the main process reports them (the
 * `updates.status` event keeps it current while Settings is open).
 */
import { create } from 'zustand';
import type { AppError, UpdateStatus } from '../../../electron/contract';
import { qwen } from '../api/qwen';

interface UpdatesState {
  status: UpdateStatus | null;
  error: AppError | null;
  load(): Promise<void>;
  check(): Promise<void>;
  install(): Promise<void>;
  setAutomatic(automatic: boolean): Promise<void>;
}

export const useUpdatesStore = create<UpdatesState>((set) => {
  let listening = false;
  async function call(work: () => ReturnType<ReturnType<typeof qwen>['invoke']>) {
    const result = (await work()) as { ok: true; value: UpdateStatus } | { ok: false; error: AppError };
    set(result.ok ? { status: result.value, error: null } : { error: result.error });
  }
  return {
    status: null,
    error: null,
    async load() {
      if (!listening) {
        listening = true;
        qwen().on('updates.status', (status) => set({ status }));
      }
      await call(() => qwen().invoke('updates.status', undefined));
    },
    check: () => call(() => qwen().invoke('updates.check', undefined)),
    install: () => call(() => qwen().invoke('updates.install', undefined)),
    setAutomatic: (automatic) => call(() => qwen().invoke('updates.setAutomatic', { automatic })),
  };
});
