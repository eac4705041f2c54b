import { useT } from '../../i18n';

/** The full-window overlay while files are dragged over it. */
export function DropOverlay({ visible }: { visible: boolean }) {
  const t = useT();
  if (!visible) return null;
  return (
    <div className="drop-overlay" aria-live="polite">
      <p>{t('attachments.drop')}</p>
    </div>
  );
}
