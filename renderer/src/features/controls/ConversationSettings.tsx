import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { useSettingsStore } from '../../state/settings-store';
import { ConversationSettingsPanel } from './ConversationSettingsPanel';

/** The header's "Conversation settings" button and its panel; new chats start from Settings' defaults. */
export function ConversationSettings() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const settingsLoaded = useSettingsStore((s) => s.view !== null);

  // Once Settings is known: an unsent chat takes its defaults (or this tab's draft).
  useEffect(() => {
    if (settingsLoaded && useChatStore.getState().conversationId === null)
      useChatStore.getState().applyDefaults();
  }, [settingsLoaded]);

  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-expanded={open}
        aria-label={t('controls.open')}
        title={t('controls.open')}
        onClick={() => setOpen(!open)}
      >
        ⚙
      </button>
      {open && <ConversationSettingsPanel onClose={() => setOpen(false)} />}
    </>
  );
}
