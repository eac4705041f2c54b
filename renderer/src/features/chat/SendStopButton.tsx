import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';

/** "Send" (a submit button), or "Stop" while an answer streams: the main and the quick composer's. */
export function SendStopButton({ streaming, canSend }: { streaming: boolean; canSend: boolean }) {
  const t = useT();
  return streaming ? (
    <button type="button" className="stop" onClick={() => void useChatStore.getState().stop()}>
      {t('composer.stop')}
    </button>
  ) : (
    <button type="submit" disabled={!canSend}>
      {t('composer.send')}
    </button>
  );
}
