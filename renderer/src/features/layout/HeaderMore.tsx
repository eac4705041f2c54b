import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useCatalog } from '../../state/catalog-store';
import { useChatStore } from '../../state/chat-store';
import { ConversationCost } from '../chat/ConversationCost';
import { CapabilityBadges } from '../controls/CapabilityBadges';
import { HeaderToggles } from '../controls/HeaderToggles';
import { modelFor } from '../controls/param-rules';

/**
 * "More" (CSS shows it below 1440 px): the model's capability hints and, in narrow windows, the
 * conversation's toggles, cost and the shortcuts button, so nothing in the header leaves the screen.
 */
export function HeaderMore({ onShortcuts }: { onShortcuts: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const model = modelFor(
    useChatStore((s) => s.model),
    useCatalog((s) => s.models),
  );
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc, true);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc, true);
    };
  }, [open]);
  return (
    <div className="header-more" ref={box}>
      <button
        type="button"
        className="icon-button"
        aria-expanded={open}
        aria-controls="header-more-panel"
        aria-label={t('layout.more')}
        title={t('layout.more')}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div id="header-more-panel" className="header-more-panel" role="group" aria-label={t('layout.more')}>
          <HeaderToggles />
          <CapabilityBadges model={model} />
          <ConversationCost />
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              onShortcuts();
            }}
          >
            {t('shortcuts.title')}
          </button>
        </div>
      )}
    </div>
  );
}
