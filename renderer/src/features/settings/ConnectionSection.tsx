import type { AppSettings, SettingsView } from '../../../../electron/contract';
import { useT, type MessageKey } from '../../i18n';
import { useSettingsStore } from '../../state/settings-store';
import { SettingField } from './SettingField';

type RegionId = AppSettings['region'];
/** The regions in the order shown; `satisfies` fails to compile when the contract gains one. */
const regionOrder = {
  singapore: 0,
  'us-virginia': 1,
  beijing: 2,
  hongkong: 3,
  custom: 4,
} satisfies Record<RegionId, number>;
const regionIds = Object.keys(regionOrder) as RegionId[];

/** Where requests go: the region (keys belong to one), or a base URL for Custom. */
export function RegionSection({ view }: { view: SettingsView }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  const { settings } = view;

  return (
    <section className="settings-section" aria-labelledby="region-title">
      <h3 id="region-title">{t('settings.region.label')}</h3>
      <label className="setting-field">
        <span>{t('settings.region.label')}</span>
        <select
          aria-label={t('settings.region.label')}
          value={settings.region}
          onChange={(e) => void update({ region: e.target.value as RegionId })}
        >
          {regionIds.map((id) => (
            <option key={id} value={id}>
              {t(`settings.region.${id}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {settings.region === 'custom' && (
        <SettingField
          label={t('settings.baseURL.label')}
          type="url"
          value={settings.customBaseURL}
          placeholder={t('settings.baseURL.placeholder')}
          onCommit={(customBaseURL) => update({ customBaseURL })}
        />
      )}
      {view.baseURLFromEnvironment ? (
        <p className="hint">{t('settings.baseURL.fromEnvironment', { url: view.baseURL })}</p>
      ) : (
        settings.region === 'custom' &&
        !settings.customBaseURL && <p className="hint">{t('settings.baseURL.missing')}</p>
      )}
    </section>
  );
}

/** How requests go: proxy, timeout, retries. */
export function ConnectionSection({ settings }: { settings: AppSettings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);
  const numberPatch = (name: 'requestTimeoutSeconds' | 'retryCount') => (text: string) =>
    update({ [name]: Number(text) } as Partial<AppSettings>);

  return (
    <section className="settings-section" aria-labelledby="connection-title">
      <h3 id="connection-title">{t('settings.connection.section')}</h3>
      <SettingField
        label={t('settings.proxy.label')}
        type="url"
        value={settings.proxy}
        placeholder={t('settings.proxy.placeholder')}
        onCommit={(proxy) => update({ proxy })}
      />
      <SettingField
        label={t('settings.timeout.label')}
        type="number"
        min={5}
        max={3600}
        value={String(settings.requestTimeoutSeconds)}
        onCommit={numberPatch('requestTimeoutSeconds')}
      />
      <SettingField
        label={t('settings.retries.label')}
        type="number"
        min={0}
        max={10}
        value={String(settings.retryCount)}
        onCommit={numberPatch('retryCount')}
      />
    </section>
  );
}
