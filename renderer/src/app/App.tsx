import { useEffect } from 'react';
import { useLocale, useT } from '../i18n';
import { connectChatEvents } from '../state/chat-store';
import { Composer } from '../features/chat/Composer';
import { MessageList } from '../features/chat/MessageList';
import { ModelPicker } from '../features/chat/ModelPicker';
import { Sidebar } from '../features/sidebar/Sidebar';
import { Settings } from '../features/settings/Settings';

export function App() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  useEffect(() => connectChatEvents(), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <div className="app">
      <header className="toolbar">
        <h1>{t('app.title')}</h1>
        <ModelPicker />
        <Settings />
      </header>
      <Sidebar />
      <main className="chat">
        <MessageList />
        <Composer />
      </main>
    </div>
  );
}
