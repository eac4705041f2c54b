import type { ModelInfo } from '../../../../electron/contract';
import { useT } from '../../i18n';
import { capabilityWords } from './capabilities';

/** The chosen model's abilities as badges (vision, thinking, web search, JSON, context window). */
export function CapabilityBadges({ model }: { model: ModelInfo }) {
  const t = useT();
  const words = capabilityWords(model, t);
  return (
    <ul className="capability-badges" aria-label={t('controls.capabilitiesOf', { model: model.id })}>
      {words.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}
