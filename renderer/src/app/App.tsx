import { useCallback, useEffect, useState } from 'react';
import { useLocale, useT } from '../i18n';
import { connectChatEvents } from '../state/chat-store';
import '../state/theme-store';
import { Composer } from '../features/chat/Composer';
import { ConversationCost } from '../features/chat/ConversationCost';
import { MessageList } from '../features/chat/MessageList';
import { ModelPicker } from '../features/chat/ModelPicker';
import { ShortcutsHelp } from '../features/shortcuts/ShortcutsHelp';
import { useGlobalShortcuts } from '../features/shortcuts/use-global-shortcuts';

/**
 * The main window: a sidebar slot (conversations), and the chat pane with its header, messages and
 * composer. Other features mount one line each in the marked slots.
 */
export function App() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((o) => !o), []);
  useGlobalShortcuts(toggleHelp);
  useEffect(() => connectChatEvents(), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <div className="app">
      {/* sidebar: conversations (history) */}
      <div className="main-pane">
        <header className="toolbar">
          <h1>{t('app.title')}</h1>
          <div className="toolbar-controls">
            <ModelPicker />
            {/* header controls: conversation settings, Settings */}
            <ConversationCost />
            <button
              type="button"
              className="icon-button"
              aria-label={t('shortcuts.title')}
              title={t('shortcuts.title')}
              onClick={toggleHelp}
            >
              ⌨
            </button>
          </div>
        </header>
        <main className="chat">
          <MessageList />
          <Composer />
        </main>
      </div>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
