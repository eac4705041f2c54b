import { useT } from '../../i18n';
import { useMainText } from '../../i18n/main-text';
import { useChatStore } from '../../state/chat-store';

/** A question the engine's rules refused before sending: why, and what to change. The text stays in the box. */
export function SendRefusal() {
  const t = useT();
  const refusal = useChatStore((s) => s.sendRefusal);
  const clear = useChatStore((s) => s.clearRefusal);
  const said = useMainText();
  if (!refusal) return null;
  const action = said.action(refusal);
  return (
    <div role="alert" className="error send-refusal">
      <strong>{t('controls.notSent')}</strong> {said.message(refusal)}
      {action && <span className="action"> {action}</span>}{' '}
      <button type="button" className="link-button" onClick={clear}>
        {t('controls.dismiss')}
      </button>
    </div>
  );
}
