import type { AppSettings } from '../../../../electron/contract';
import { useT } from '../../i18n';
import { useSettingsStore } from '../../state/settings-store';
import { SwitchField } from '../controls/SwitchField';

/** What is checked before a message leaves the machine (issue 15, item 11). */
export function PrivacySection({ settings }: { settings: AppSettings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  return (
    <section className="settings-section" aria-labelledby="privacy-title">
      <h3 id="privacy-title">{t('settings.privacy.section')}</h3>
      <SwitchField
        label={t('settings.checkSensitive.label')}
        checked={settings.checkSensitive}
        onChange={(checkSensitive) => void update({ checkSensitive })}
      />
    </section>
  );
}
