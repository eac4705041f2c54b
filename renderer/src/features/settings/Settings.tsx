import { useEffect } from 'react';
import { SidePanel } from '../../app/SidePanel';
import { useT } from '../../i18n';
import { useSettingsStore } from '../../state/settings-store';
import { AppearanceSection } from './AppearanceSection';
import { AboutSection } from '../about/AboutSection';
import { DesktopSection } from './DesktopSection';
import { ConnectionSection, RegionSection } from './ConnectionSection';
import { FirstRunGuide } from './FirstRunGuide';
import { KeySection } from './KeySection';
import { PrivacySection } from './PrivacySection';
import { useMainText } from '../../i18n/main-text';

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
  const said = useMainText();
  const key = useSettingsStore((s) => s.key);
  const view = useSettingsStore((s) => s.view);
  const error = useSettingsStore((s) => s.error);

  return (
    <SidePanel
      titleId="settings-title"
      title={t('settings.title')}
      closeLabel={t('settings.close')}
      onClose={onClose}
    >
      {key?.source === 'none' && <FirstRunGuide keychain={key.keychain.available} />}
      {error && (
        <div role="alert" className="error">
          <strong>{t('settings.error')}:</strong> {keyRouteMessage(t, error) ?? said.message(error)}
          {error.action && !keyRouteMessage(t, error) && (
            <span className="action"> {said.action(error)}</span>
          )}
        </div>
      )}
      {view && <RegionSection view={view} />}
      {key && <KeySection status={key} />}
      {view && <ConnectionSection settings={view.settings} />}
      {view && <AppearanceSection settings={view.settings} />}
      {view && <PrivacySection settings={view.settings} />}
      <AboutSection />
      {view && <DesktopSection settings={view.settings} />}
    </SidePanel>
  );
}

/** Issue 9: where a key may go, said in the user's language (the host comes as the error's detail). */
function keyRouteMessage(
  t: ReturnType<typeof useT>,
  error: { code: string; detail?: string },
): string | null {
  if (error.code === 'insecure_url') return t('settings.keyRoute.insecure');
  if (error.code !== 'key_host_unconfirmed') return null;
  return error.detail
    ? t('settings.keyRoute.unconfirmed', { host: error.detail })
    : t('settings.keyRoute.environment');
}
