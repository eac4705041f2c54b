import type { UpdateState } from '../../../../electron/contract';
import type { MessageKey } from '../../i18n';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The updater's state in the user's language (an unsupported install shows its reason instead). */
export function updateStateText(t: Translate, state: UpdateState): string {
  switch (state.kind) {
    case 'idle':
      return t('settings.updates.idle');
    case 'checking':
      return t('settings.updates.checking');
    case 'up_to_date':
      return t('settings.updates.upToDate');
    case 'downloading':
      return t('settings.updates.downloading', {
        version: state.version,
        percent: Math.round(state.percent),
      });
    case 'ready':
      return t('settings.updates.ready', { version: state.version });
    case 'error':
      return t('settings.updates.error', { message: state.message });
    case 'unsupported':
      return t(`settings.updates.unsupported.${state.reason}`);
  }
}
