import { useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';

/** A question the engine's rules refused before sending: why, and what to change. The text stays in the box. */
export function SendRefusal() {
  const t = useT();
  const refusal = useChatStore((s) => s.sendRefusal);
  const clear = useChatStore((s) => s.clearRefusal);
  if (!refusal) return null;
  return (
    <div role="alert" className="error send-refusal">
      <strong>{t('controls.notSent')}</strong> {refusal.message}
      {refusal.action && <span className="action"> {refusal.action}</span>}{' '}
      <button type="button" className="link-button" onClick={clear}>
        {t('controls.dismiss')}
      </button>
    </div>
  );
}
