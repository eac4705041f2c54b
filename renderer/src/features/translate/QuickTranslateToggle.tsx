import { useRef } from 'react';
import { isTranslationModel } from '../../../../electron/shared/translation';
import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';

/** The model the quick window's translate mode uses (flash: the general choice, §6.4). */
export const QUICK_TRANSLATE_MODEL = 'qwen-mt-flash';

/**
 * The quick window's translate mode (issue 14, item 4): "Translate" switches the quick question to
 * Qwen-MT (paste text, get the translation, "Copy answer") and back to the model it had.
 */
export function QuickTranslateToggle() {
  const t = useT();
  const model = useChatStore((s) => s.model);
  const previous = useRef<string | null>(null);
  const on = isTranslationModel(model);
  const toggle = () => {
    const chat = useChatStore.getState();
    // A new quick question: a translation takes exactly one text (and the other mode's answer goes).
    if (chat.messages.length > 0) chat.newChat();
    if (on) {
      useChatStore.getState().setModel(previous.current ?? useChatStore.getState().model);
      previous.current = null;
    } else {
      previous.current = model;
      useChatStore.getState().setModel(QUICK_TRANSLATE_MODEL);
    }
  };
  return (
    <button type="button" className="quick-translate" aria-pressed={on} onClick={toggle}>
      {t('translate.mode')}
    </button>
  );
}
