import type { AppSettings } from '../../../../electron/contract';
import { useT } from '../../i18n';
import { useSettingsStore } from '../../state/settings-store';
import { SettingSelect } from './SettingField';

/** Language and theme; both apply at once and persist (the theme's look is the theme store's). */
export function AppearanceSection({ settings }: { settings: AppSettings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  return (
    <section className="settings-section" aria-labelledby="appearance-title">
      <h3 id="appearance-title">{t('settings.appearance.section')}</h3>
      <SettingSelect
        label={t('settings.language.label')}
        value={settings.language}
        // Each language under its own name, so it can be found from either.
        options={[
          { value: 'system', label: t('settings.language.system') },
          { value: 'en', label: 'English' },
          { value: 'zh-CN', label: '简体中文' },
        ]}
        onChange={(language) => void update({ language })}
      />
      <SettingSelect
        label={t('settings.theme.label')}
        value={settings.theme}
        options={(['system', 'light', 'dark'] as const).map((value) => ({
          value,
          label: t(`settings.theme.${value}`),
        }))}
        onChange={(theme) => void update({ theme })}
      />
    </section>
  );
}
