/**
 * The sidebar's sections: pinned conversations first, then by when they were last updated — Today,
 * Yesterday, Previous 7 days, Previous 30 days, then one section per month. Calendar days in the
 * local time zone, as a person reads "yesterday". A date no calendar can show (damaged data, such
 * as 1e20) goes to an "Unknown date" section at the end instead of throwing.
 */
import type { ConversationSummary } from '../../../../electron/contract';
import type { Locale } from '../../i18n';

export type GroupKey =
  'pinned' | 'undated' | 'today' | 'yesterday' | 'week' | 'month' | `m-${number}-${number}`;

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

/** Whether `t` is an instant a Date can hold (±8.64e15 ms); NaN, ±Infinity, 1e20 and non-numbers are not. */
export function isValidTime(t: unknown): t is number {
  return typeof t === 'number' && Number.isFinite(new Date(t).getTime());
}

function keyFor(updatedAt: number, now: number): { key: GroupKey; month?: Date } {
  if (!isValidTime(updatedAt) || !isValidTime(now)) return { key: 'undated' };
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
  const time = (c: ConversationSummary) => (isValidTime(c.updatedAt) ? c.updatedAt : -Infinity);
  const newestFirst = [...conversations].sort((a, b) => time(b) - time(a) || b.id - a.id);
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
  // Sections come in the order of their newest conversation, which is also calendar order; the
  // undated ones sort last, so their section is last too.
  return [...(pinned.conversations.length ? [pinned] : []), ...groups.values()];
}

/** A month section's name in the UI language: "October", or "October 2025" for another year. */
export function monthLabel(month: Date, now: number, locale: Locale): string | null {
  // Intl throws "Invalid time value" on an invalid Date: the caller shows "Unknown date" instead.
  if (!Number.isFinite(month.getTime())) return null;
  const sameYear = month.getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(
    locale,
    sameYear ? { month: 'long' } : { month: 'long', year: 'numeric' },
  ).format(month);
}
