import { describe, expect, it } from 'vitest';
import {
  applyHistoryNotice,
  useConversationsStore,
} from '../../../../renderer/src/state/conversations-store';
import { translate } from '../../../../renderer/src/i18n';

describe('live history notices (disk full)', () => {
  it('shows one save failure however often it is sent, keeps other notices, and drops it on resume', () => {
    const recovered = { kind: 'recovered' as const, message: 'moved', path: '/x' };
    useConversationsStore.setState({ notices: [recovered] });
    applyHistoryNotice({ kind: 'save_failed', message: 'full' });
    applyHistoryNotice({ kind: 'save_failed', message: 'full' });
    expect(useConversationsStore.getState().notices.map((n) => n.kind)).toEqual(['recovered', 'save_failed']);
    applyHistoryNotice({ kind: 'save_resumed', message: 'ok' });
    expect(useConversationsStore.getState().notices).toEqual([recovered]);
  });

  it('is translated in both languages', () => {
    expect(translate('en', 'sidebar.saveFailed')).toMatch(/cannot be saved/);
    expect(translate('zh-CN', 'sidebar.saveFailed')).toMatch(/无法保存/);
  });
});
