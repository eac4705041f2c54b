import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../../electron/contract';
import { groupConversations } from '../../../../renderer/src/features/sidebar/date-groups';

let nextId = 1;
const conv = (title: string, updatedAt: Date, pinned = false): ConversationSummary => ({
  id: nextId++,
  title,
  createdAt: updatedAt.getTime(),
  updatedAt: updatedAt.getTime(),
  pinned,
  model: null,
  params: null,
  systemPrompt: null,
  quick: false,
});

describe('groupConversations', () => {
  // 15 March 2026, 09:30 local time.
  const now = new Date(2026, 2, 15, 9, 30).getTime();
  const at = (month: number, day: number, hour = 12) => new Date(2026, month, day, hour);

  it('puts pinned ones first, then Today, Yesterday, 7 days, 30 days and months, newest first', () => {
    const list = [
      conv('old pinned', new Date(2025, 5, 1), true),
      conv('early today', at(2, 15, 0)),
      conv('late yesterday', at(2, 14, 23)),
      conv('last week', at(2, 9)),
      conv('eight days', at(2, 7)),
      conv('last month', at(1, 13)),
      conv('january', at(0, 20)),
      conv('january later', at(0, 28)),
      conv('last year', new Date(2025, 11, 31, 23)),
      conv('pinned today', at(2, 15, 9), true),
    ];
    const groups = groupConversations(list, now);
    expect(groups.map((g) => [g.key, g.conversations.map((c) => c.title)])).toEqual([
      ['pinned', ['pinned today', 'old pinned']],
      ['today', ['early today']],
      ['yesterday', ['late yesterday']],
      ['week', ['last week']],
      ['month', ['eight days', 'last month']],
      ['m-2026-0', ['january later', 'january']],
      ['m-2025-11', ['last year']],
    ]);
    expect(groups[5]!.month).toEqual(new Date(2026, 0, 1));
  });

  it('counts calendar days, not 24-hour spans', () => {
    const justBeforeMidnight = new Date(2026, 2, 14, 23, 59).getTime();
    const [group] = groupConversations([conv('x', new Date(2026, 2, 14, 0, 1))], justBeforeMidnight);
    expect(group!.key).toBe('today');
    const [next] = groupConversations([conv('y', new Date(2026, 2, 14, 23, 58))], now);
    expect(next!.key).toBe('yesterday');
  });

  it('leaves out empty sections', () => {
    expect(groupConversations([], now)).toEqual([]);
    expect(groupConversations([conv('a', at(2, 15))], now).map((g) => g.key)).toEqual(['today']);
  });
});
