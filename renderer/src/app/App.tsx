import { useCallback, useEffect, useState } from 'react';
import { useLocale, useT } from '../i18n';
import { connectChatEvents, useChatStore } from '../state/chat-store';
import { AreaBoundary } from './AreaBoundary';
import '../state/theme-store';
import { Composer } from '../features/chat/Composer';
import { connectImageEvents } from '../features/imagegen';
import { ConversationCost } from '../features/chat/ConversationCost';
import { MessageList } from '../features/chat/MessageList';
import { ModelPicker } from '../features/chat/ModelPicker';
import { ShortcutsHelp } from '../features/shortcuts/ShortcutsHelp';
import { useGlobalShortcuts } from '../features/shortcuts/use-global-shortcuts';
import { Sidebar } from '../features/sidebar/Sidebar';
import { ConversationSettings } from '../features/controls/ConversationSettings';
import { SendRefusal } from '../features/controls/SendRefusal';
import { UndoNotice } from '../features/chat/UndoNotice';
import { SensitiveWarning } from '../features/chat/SensitiveWarning';
import { Settings } from '../features/settings/Settings';
import { HeaderMore } from '../features/layout/HeaderMore';
import { HeaderToggles } from '../features/controls/HeaderToggles';
import { SidebarToggle } from '../features/layout/SidebarToggle';
import '../features/layout/layout.css';
import { useLayout } from '../state/layout-store';
import { useConversationRequests } from '../quick/use-conversation-requests';
import { DropOverlay, useFileIntake } from '../features/attachments';
import { attachToMain } from '../features/chat/main-attachments';

/**
 * The main window: the header (model, cost, shortcuts, Settings), the sidebar (conversations), and
 * the chat pane (messages, composer). Features mount one line each. Each area has its own error
 * boundary, so bad data in one (a damaged message, an odd conversation) never blanks the others; the
 * composer stays outside them, so a draft is never lost to a failing area.
 */
export function App() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((o) => !o), []);
  const conversationId = useChatStore((s) => s.conversationId);
  useGlobalShortcuts(toggleHelp);
  useConversationRequests(); // issue 11: "Continue in main window" from the quick window
  const dragging = useFileIntake(attachToMain); // issue 10: drop and paste anywhere on the window
  useEffect(() => connectChatEvents(), []);
  useEffect(() => connectImageEvents(), []); // issue 14: image jobs' progress
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const sidebarOpen = useLayout((s) => s.sidebarOpen);

  return (
    <div className="app" data-sidebar={sidebarOpen ? 'open' : 'closed'}>
      <header className="toolbar">
        <SidebarToggle />
        <h1>{t('app.title')}</h1>
        <div className="toolbar-controls">
          <ModelPicker />
          <AreaBoundary area="boundary.area.conversationSettings" resetKey={conversationId}>
            <ConversationSettings />
          </AreaBoundary>
          <div className="wide-only">
            <HeaderToggles />
          </div>
          <div className="wide-only">
            <ConversationCost />
          </div>
          <HeaderMore onShortcuts={toggleHelp} />
          <button
            type="button"
            className="icon-button wide-only"
            aria-label={t('shortcuts.title')}
            title={t('shortcuts.title')}
            onClick={toggleHelp}
          >
            ⌨
          </button>
          <AreaBoundary area="boundary.area.settings">
            <Settings />
          </AreaBoundary>
        </div>
      </header>
      <AreaBoundary area="boundary.area.sidebar">
        <Sidebar />
      </AreaBoundary>
      <main className="chat">
        <AreaBoundary area="boundary.area.messages" resetKey={conversationId}>
          <MessageList />
        </AreaBoundary>
        <SendRefusal />
        <SensitiveWarning />
        <Composer />
      </main>
      <DropOverlay visible={dragging} />
      <AreaBoundary area="boundary.area.shortcuts">
        <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      </AreaBoundary>
      <UndoNotice />
    </div>
  );
}
