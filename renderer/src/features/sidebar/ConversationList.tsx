import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';

/** Each conversation is a button named by its title; the open one is marked `aria-current`. */
export function ConversationList() {
  const t = useT();
  const conversations = useConversationsStore((s) => s.conversations);
  const openId = useChatStore((s) => s.conversationId);
  const open = useChatStore((s) => s.openConversation);

  if (conversations.length === 0) return <p className="sidebar-empty">{t('sidebar.empty')}</p>;
  return (
    <ul className="conversation-list">
      {conversations.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            className="conversation"
            aria-current={c.id === openId ? 'page' : undefined}
            onClick={() => void open(c.id)}
          >
            {c.pinned && <span aria-hidden="true">📌 </span>}
            {c.title ?? t('sidebar.untitled')}
          </button>
        </li>
      ))}
    </ul>
  );
}
