import { useId } from 'react';
import { useLocale, useT, type Locale, type MessageKey } from '../../i18n';
import { useConversationsStore } from '../../state/conversations-store';
import { ConversationRow } from './ConversationRow';
import { groupConversations, type ConversationGroup } from './date-groups';

const fixedLabels: Partial<Record<ConversationGroup['key'], MessageKey>> = {
  pinned: 'sidebar.group.pinned',
  today: 'sidebar.group.today',
  yesterday: 'sidebar.group.yesterday',
  week: 'sidebar.group.week',
  month: 'sidebar.group.month',
};

/** A month section's name in the UI language: "October", or "October 2025" for another year. */
function monthLabel(month: Date, locale: Locale): string {
  const sameYear = month.getFullYear() === new Date().getFullYear();
  return new Intl.DateTimeFormat(
    locale,
    sameYear ? { month: 'long' } : { month: 'long', year: 'numeric' },
  ).format(month);
}

/**
 * The conversations in sections (pinned, then by date). Each conversation is a button named by its
 * title; the open one is marked `aria-current`.
 */
export function ConversationList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const conversations = useConversationsStore((s) => s.conversations);

  if (conversations.length === 0) return <p className="sidebar-empty">{t('sidebar.empty')}</p>;
  return (
    <div className="conversation-groups">
      {groupConversations(conversations, Date.now()).map((group) => {
        const key = fixedLabels[group.key];
        const label = key ? t(key) : monthLabel(group.month!, locale);
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
