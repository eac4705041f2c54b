/**
 * The sidebar's sections: pinned conversations first, then by when they were last updated — Today,
 * Yesterday, Previous 7 days, Previous 30 days, then one section per month. Calendar days in the
 * local time zone, as a person reads "yesterday".
 */
import type { ConversationSummary } from '../../../../electron/contract';

export type GroupKey = 'pinned' | 'today' | 'yesterday' | 'week' | 'month' | `m-${number}-${number}`;

export interface ConversationGroup {
  key: GroupKey;
  /** For month sections: the first day of that month (local time), to format in the UI language. */
  month?: Date;
  conversations: ConversationSummary[];
}

const DAY_MS = 86_400_000;

function startOfDay(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Whole calendar days between the two instants' dates (DST-safe: rounds the 23/25 h days). */
function daysBetween(earlier: number, later: number): number {
  return Math.round((startOfDay(later) - startOfDay(earlier)) / DAY_MS);
}

function keyFor(updatedAt: number, now: number): { key: GroupKey; month?: Date } {
  const days = daysBetween(updatedAt, now);
  if (days <= 0) return { key: 'today' };
  if (days === 1) return { key: 'yesterday' };
  if (days <= 7) return { key: 'week' };
  if (days <= 30) return { key: 'month' };
  const d = new Date(updatedAt);
  return { key: `m-${d.getFullYear()}-${d.getMonth()}`, month: new Date(d.getFullYear(), d.getMonth(), 1) };
}

/** `conversations` in sections, each newest first; empty sections are left out. */
export function groupConversations(conversations: ConversationSummary[], now: number): ConversationGroup[] {
  const newestFirst = [...conversations].sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id);
  const groups = new Map<GroupKey, ConversationGroup>();
  const pinned: ConversationGroup = { key: 'pinned', conversations: [] };
  for (const c of newestFirst) {
    if (c.pinned) {
      pinned.conversations.push(c);
      continue;
    }
    const { key, month } = keyFor(c.updatedAt, now);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, ...(month ? { month } : {}), conversations: [] }));
    group.conversations.push(c);
  }
  // Sections come in the order of their newest conversation, which is also calendar order.
  return [...(pinned.conversations.length ? [pinned] : []), ...groups.values()];
}
