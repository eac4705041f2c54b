import type { AppSettings } from '../../../../electron/contract';
import { useT } from '../../i18n';
import { useSettingsStore } from '../../state/settings-store';

/** Language and theme; both apply at once and persist (the theme's look is the theme store's). */
export function AppearanceSection({ settings }: { settings: AppSettings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  return (
    <section className="settings-section" aria-labelledby="appearance-title">
      <h3 id="appearance-title">{t('settings.appearance.section')}</h3>
      <label className="setting-field">
        <span>{t('settings.language.label')}</span>
        <select
          aria-label={t('settings.language.label')}
          value={settings.language}
          onChange={(e) => void update({ language: e.target.value as AppSettings['language'] })}
        >
          <option value="system">{t('settings.language.system')}</option>
          {/* Each language under its own name, so it can be found from either. */}
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      <label className="setting-field">
        <span>{t('settings.theme.label')}</span>
        <select
          aria-label={t('settings.theme.label')}
          value={settings.theme}
          onChange={(e) => void update({ theme: e.target.value as AppSettings['theme'] })}
        >
          <option value="system">{t('settings.theme.system')}</option>
          <option value="light">{t('settings.theme.light')}</option>
          <option value="dark">{t('settings.theme.dark')}</option>
        </select>
      </label>
    </section>
  );
}
