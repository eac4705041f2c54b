import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { useSettingsStore } from '../../state/settings-store';
import { AppearanceSection } from './AppearanceSection';
import { ConnectionSection, RegionSection } from './ConnectionSection';
import { FirstRunGuide } from './FirstRunGuide';
import { KeySection } from './KeySection';

/** The "Settings" button and its panel. Loads settings once; with no key, the panel opens itself. */
export function Settings() {
  const t = useT();
  const open = useSettingsStore((s) => s.open);
  const setOpen = useSettingsStore((s) => s.setOpen);
  const load = useSettingsStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <button type="button" className="settings-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('settings.open')}
      </button>
      {open && <SettingsPanel onClose={() => setOpen(false)} />}
    </>
  );
}

function SettingsPanel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const key = useSettingsStore((s) => s.key);
  const view = useSettingsStore((s) => s.view);
  const error = useSettingsStore((s) => s.error);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="settings-backdrop">
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        className="settings-panel"
        tabIndex={-1}
      >
        <header>
          <h2 id="settings-title">{t('settings.title')}</h2>
          <button type="button" onClick={onClose}>
            {t('settings.close')}
          </button>
        </header>
        {key?.source === 'none' && <FirstRunGuide />}
        {error && (
          <div role="alert" className="error">
            <strong>{t('settings.error')}:</strong> {error.message}
            {error.action && <span className="action"> {error.action}</span>}
          </div>
        )}
        {view && <RegionSection view={view} />}
        {key && <KeySection status={key} />}
        {view && <ConnectionSection settings={view.settings} />}
        {view && <AppearanceSection settings={view.settings} />}
      </div>
    </div>
  );
}
