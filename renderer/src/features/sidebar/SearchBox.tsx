import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';
import { doneWithSidebar } from '../../state/layout-store';

const DEBOUNCE_MS = 120;

/** Searches every message (any language, any substring); a result opens its conversation there. */
export function SearchBox() {
  const t = useT();
  const [text, setText] = useState('');
  const hits = useConversationsStore((s) => s.hits);
  const search = useConversationsStore((s) => s.search);
  const open = useChatStore((s) => s.openConversation);

  useEffect(() => {
    const timer = setTimeout(() => void search(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, search]);

  return (
    <div className="search">
      <input
        type="search"
        role="searchbox"
        aria-label={t('sidebar.search')}
        placeholder={t('sidebar.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setText('');
        }}
      />
      {hits !== null && (
        <section aria-label={t('sidebar.results')} className="search-results">
          {hits.length === 0 ? (
            <p className="sidebar-empty">{t('sidebar.noResults')}</p>
          ) : (
            <ul>
              {hits.map((hit) => (
                <li key={hit.messageId}>
                  <button
                    type="button"
                    className="hit"
                    onClick={() => {
                      doneWithSidebar();
                      void open(hit.conversationId, hit.messageId);
                    }}
                  >
                    <span className="hit-title">{hit.conversationTitle ?? t('sidebar.untitled')}</span>
                    <span className="hit-snippet">
                      {hit.snippet.map((part, i) =>
                        part.match ? <mark key={i}>{part.text}</mark> : part.text,
                      )}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
