import { useEffect } from 'react';
import { useT } from '../../i18n';
import { restoreOpenConversation, useChatStore } from '../../state/chat-store';
import { connectConversationEvents, useConversationsStore } from '../../state/conversations-store';
import { ConversationList } from './ConversationList';
import { HistoryFiles } from './HistoryFiles';
import { HistoryNotices } from './HistoryNotices';
import { SearchBox } from './SearchBox';
import { useFocusMessage } from './use-focus-message';
import './sidebar.css';
import { doneWithSidebar } from '../../state/layout-store';

/** The conversations: "New chat", search, and the list (pinned first, then by date), and the history's export and import. */
export function Sidebar() {
  const t = useT();
  const newChat = useChatStore((s) => s.newChat);
  const searching = useConversationsStore((s) => s.hits !== null);

  useEffect(() => {
    const unsubscribe = connectConversationEvents();
    void useConversationsStore.getState().load();
    void restoreOpenConversation();
    return unsubscribe;
  }, []);
  useFocusMessage();

  return (
    <nav id="sidebar" className="sidebar" aria-label={t('sidebar.label')}>
      <button
        type="button"
        className="new-chat"
        onClick={() => {
          doneWithSidebar();
          newChat();
        }}
      >
        {t('sidebar.newChat')}
      </button>
      <SearchBox />
      <HistoryNotices />
      {!searching && <ConversationList />}
      <HistoryFiles />
    </nav>
  );
}
