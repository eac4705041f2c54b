/**
 * Issue 12: the updater as the core sees it. The app's shell implements UpdatesPort with
 * electron-updater (electron/shell/auto-update.ts); browser mode and tests have no updater, and
 * answer that updates are not for this kind of run, with the version still shown in About.
 */
import type { UpdateStatus } from '../../contract';
import type { HandlerGroup } from './types';

export interface UpdatesPort {
  status(): UpdateStatus;
  /** Checks now (a second call while one runs joins it); resolves with the state after the check. */
  check(): Promise<UpdateStatus>;
  /** Installs a downloaded update: the app quits and restarts into it. */
  install(): UpdateStatus;
  setAutomatic(automatic: boolean): UpdateStatus;
  subscribe(listener: (status: UpdateStatus) => void): () => void;
}

/** No updater: browser mode (the app's own updates come with `git pull` / npm) and tests. */
export function noUpdates(version: string): UpdatesPort {
  const status: UpdateStatus = {
    version,
    automatic: false,
    state: { kind: 'unsupported', reason: 'browser' },
  };
  return {
    status: () => status,
    check: async () => status,
    install: () => status,
    setAutomatic: () => status,
    subscribe: () => () => undefined,
  };
}

export function createUpdatesHandlers(
  updates: UpdatesPort,
): HandlerGroup<'updates.status' | 'updates.check' | 'updates.install' | 'updates.setAutomatic'> {
  return {
    'updates.status': async () => updates.status(),
    'updates.check': () => updates.check(),
    'updates.install': async () => updates.install(),
    'updates.setAutomatic': async ({ automatic }) => updates.setAutomatic(automatic),
  };
}
