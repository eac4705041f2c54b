import { describe, expect, it } from 'vitest';
import type { QwenApi } from '../../../../electron/contract';
import { useConversationsStore } from '../../../../renderer/src/state/conversations-store';
import { translate } from '../../../../renderer/src/i18n';

describe('conversations store: the import outcome', () => {
  it('keeps what the import skipped (shown as a notice until dismissed)', async () => {
    const skipped = [{ index: 1, title: 'far future', reason: 'updatedAt: a date outside 1970–2100' }];
    const answers: Record<string, unknown> = {
      'history.import': { conversationIds: [7], skipped },
      'history.list': { conversations: [], total: 0 },
      'history.notices': { notices: [] },
    };
    const api = {
      invoke: async (channel: string) => ({ ok: true, value: answers[channel] }),
      on: () => () => undefined,
    } as unknown as QwenApi;
    (globalThis as { window?: unknown }).window = { qwen: api };
    expect(await useConversationsStore.getState().importHistory('{}')).toBe(1);
    expect(useConversationsStore.getState().importSkipped).toEqual(skipped);
    useConversationsStore.getState().dismissImportSkipped();
    expect(useConversationsStore.getState().importSkipped).toEqual([]);
    expect(translate('zh-CN', 'sidebar.importSkipped', { count: 1 })).toBe(
      '以下对话无效，已跳过（其余已导入）：1 个。',
    );
  });
});
