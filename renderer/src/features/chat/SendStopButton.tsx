import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { isTranslationModel } from '../../../../electron/shared/translation';

/** "Send" (a submit button), or "Stop" while an answer streams: the main and the quick composer's. */
export function SendStopButton({ streaming, canSend }: { streaming: boolean; canSend: boolean }) {
  const t = useT();
  // Issue 14: with a Qwen-MT model the action is "Translate".
  const translating = useChatStore((s) => isTranslationModel(s.model));
  return streaming ? (
    <button type="button" className="stop" onClick={() => void useChatStore.getState().stop()}>
      {t('composer.stop')}
    </button>
  ) : (
    <button type="submit" disabled={!canSend}>
      {translating ? t('translate.send') : t('composer.send')}
    </button>
  );
}
