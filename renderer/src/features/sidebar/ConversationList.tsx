import { useEffect, useId, useState } from 'react';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { useConversationsStore } from '../../state/conversations-store';
import { ConversationRow } from './ConversationRow';
import { groupConversations, monthLabel, type ConversationGroup } from './date-groups';

const fixedLabels: Partial<Record<ConversationGroup['key'], MessageKey>> = {
  pinned: 'sidebar.group.pinned',
  today: 'sidebar.group.today',
  yesterday: 'sidebar.group.yesterday',
  week: 'sidebar.group.week',
  month: 'sidebar.group.month',
  undated: 'sidebar.group.undated',
};

/** The time the sections are computed for; moves on at midnight, so "Today" rolls over in an open app. */
function useToday(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const d = new Date(now);
    const midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
    const timer = setTimeout(() => setNow(Date.now()), midnight - now + 1000);
    return () => clearTimeout(timer);
  }, [now]);
  return now;
}

/**
 * The conversations in sections (pinned, then by date). Each conversation is a button named by its
 * title; the open one is marked `aria-current`.
 */
export function ConversationList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const conversations = useConversationsStore((s) => s.conversations);
  const today = useToday();

  if (conversations.length === 0) return <p className="sidebar-empty">{t('sidebar.empty')}</p>;
  return (
    <div className="conversation-groups">
      {groupConversations(conversations, today).map((group) => {
        const key = fixedLabels[group.key];
        const label = (key ? t(key) : monthLabel(group.month!, today, locale)) ?? t('sidebar.group.undated');
        return <Group key={group.key} label={label} group={group} />;
      })}
    </div>
  );
}

function Group({ label, group }: { label: string; group: ConversationGroup }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="conversation-group" data-group={group.key}>
      <h2 id={id} className="conversation-group-title">
        {label}
      </h2>
      <ul className="conversation-list">
        {group.conversations.map((c) => (
          <ConversationRow key={c.id} conversation={c} />
        ))}
      </ul>
    </section>
  );
}
