import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../../electron/contract';
import {
  groupConversations,
  isValidTime,
  monthLabel,
} from '../../../../renderer/src/features/sidebar/date-groups';

const conv = (id: number, updatedAt: number): ConversationSummary => ({
  id,
  title: `c${id}`,
  createdAt: updatedAt,
  updatedAt,
  pinned: false,
  model: null,
  params: null,
  systemPrompt: null,
  quick: false,
});

describe('sidebar dates that no calendar can show (damaged data)', () => {
  const now = new Date(2026, 2, 15, 9, 30).getTime();

  it('tells valid instants from 1e20, NaN, Infinity and non-numbers', () => {
    expect(isValidTime(now)).toBe(true);
    expect(isValidTime(0)).toBe(true);
    expect(isValidTime(8.64e15)).toBe(true);
    for (const bad of [1e20, -1e20, 8.64e15 + 1, NaN, Infinity, -Infinity, '1', null, undefined]) {
      expect(isValidTime(bad), String(bad)).toBe(false);
    }
  });

  it('puts them in one "undated" section, last, without throwing', () => {
    const list = [conv(1, 1e20), conv(2, now - 1000), conv(3, NaN), conv(4, -1e20), conv(5, Infinity)];
    const groups = groupConversations(list, now);
    expect(groups.map((g) => g.key)).toEqual(['today', 'undated']);
    expect(groups[1]!.conversations.map((c) => c.id).sort()).toEqual([1, 3, 4, 5]);
    expect(groups[1]!.month).toBeUndefined();
  });

  it('survives an invalid "now" too', () => {
    expect(groupConversations([conv(1, now)], NaN).map((g) => g.key)).toEqual(['undated']);
  });

  it('labels a month in both languages, and gives null (not a throw) for an invalid Date', () => {
    expect(monthLabel(new Date(2026, 0, 1), now, 'en')).toBe('January');
    expect(monthLabel(new Date(2025, 9, 1), now, 'en')).toBe('October 2025');
    expect(monthLabel(new Date(2025, 9, 1), now, 'zh-CN')).toBe('2025年10月');
    expect(() => monthLabel(new Date(1e20), now, 'en')).not.toThrow();
    expect(monthLabel(new Date(1e20), now, 'zh-CN')).toBeNull();
  });
});
