import type { AppSettings, SettingsView } from '../../../../electron/contract';
import { useT, type MessageKey } from '../../i18n';
import { useSettingsStore } from '../../state/settings-store';
import { SettingField, SettingSelect, urlProblem, wholeNumberProblem } from './SettingField';
import { SwitchField } from '../controls/SwitchField';
import { isWorkspaceIdOrEmpty } from '../../../../electron/shared/setting-values';

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
  // Issue 15, item 5: DASHSCOPE_BASE_URL wins over both, so they are shown locked, with the reason.
  const lockedBy = view.baseURLFromEnvironment ? 'region-locked-reason' : undefined;

  return (
    <section className="settings-section" aria-labelledby="region-title">
      <h3 id="region-title">{t('settings.region.label')}</h3>
      <SettingSelect
        label={t('settings.region.label')}
        value={settings.region}
        options={regionIds.map((id) => ({ value: id, label: t(`settings.region.${id}` as MessageKey) }))}
        lockedBy={lockedBy}
        onChange={(region) => void update({ region })}
      />
      {lockedBy && (
        <SettingField
          label={t('settings.baseURL.label')}
          type="url"
          value={view.baseURL}
          lockedBy={lockedBy}
          onCommit={async () => false}
        />
      )}
      {!lockedBy && settings.region === 'custom' && (
        <SettingField
          label={t('settings.baseURL.label')}
          type="url"
          value={settings.customBaseURL}
          placeholder={t('settings.baseURL.placeholder')}
          check={(v) => urlProblem(v, t('settings.invalid.url'))}
          onCommit={(customBaseURL) => update({ customBaseURL })}
        />
      )}
      {settings.region !== 'custom' && settings.region !== 'hongkong' && (
        <SettingField
          label={t('settings.workspace.label')}
          value={settings.workspaceId}
          placeholder={t('settings.workspace.placeholder')}
          check={(v) => (isWorkspaceIdOrEmpty(v.trim()) ? null : t('settings.invalid.workspace'))}
          onCommit={(workspaceId) => update({ workspaceId: workspaceId.trim() })}
        />
      )}
      {settings.workspaceId && !view.baseURLFromEnvironment && (
        <p className="hint">{t('settings.workspace.hint', { url: view.baseURL })}</p>
      )}
      {lockedBy ? (
        <p id={lockedBy} className="hint">
          {t('settings.baseURL.fromEnvironment', { url: view.baseURL })}
        </p>
      ) : (
        settings.region === 'custom' &&
        !settings.customBaseURL && <p className="hint">{t('settings.baseURL.missing')}</p>
      )}
    </section>
  );
}

const numberFields = [
  {
    name: 'requestTimeoutSeconds',
    label: 'settings.timeout.label',
    range: 'settings.range.seconds',
    min: 5,
    max: 3600,
  },
  { name: 'retryCount', label: 'settings.retries.label', range: 'settings.range.count', min: 0, max: 10 },
] as const;

/** How requests go: protocol, context cache, proxy, timeout, retries. */
export function ConnectionSection({ settings }: { settings: AppSettings }) {
  const t = useT();
  const update = useSettingsStore((s) => s.update);

  return (
    <section className="settings-section" aria-labelledby="connection-title">
      <h3 id="connection-title">{t('settings.connection.section')}</h3>
      <SettingField
        label={t('settings.proxy.label')}
        type="url"
        value={settings.proxy}
        placeholder={t('settings.proxy.placeholder')}
        check={(v) => urlProblem(v, t('settings.invalid.url'))}
        onCommit={(proxy) => update({ proxy })}
      />
      <SettingSelect
        label={t('settings.protocol.label')}
        value={settings.protocol}
        options={(['auto', 'compatible', 'native'] as const).map((p) => ({
          value: p,
          label: t(`settings.protocol.${p}`),
        }))}
        onChange={(protocol) => void update({ protocol })}
      />
      <p className="hint">{t('settings.protocol.hint')}</p>
      <SwitchField
        label={t('settings.contextCache.label')}
        checked={settings.contextCache}
        onChange={(contextCache) => void update({ contextCache })}
      />
      <p className="hint">{t('settings.contextCache.hint')}</p>
      <SwitchField
        label={t('settings.cacheChatAnswers.label')}
        checked={settings.cacheChatAnswers}
        onChange={(cacheChatAnswers) => void update({ cacheChatAnswers })}
      />
      <p className="hint">{t('settings.cacheChatAnswers.hint')}</p>
      {numberFields.map((f) => (
        <SettingField
          key={f.name}
          label={t(f.label)}
          type="number"
          min={f.min}
          max={f.max}
          value={String(settings[f.name])}
          hint={t(f.range, { min: f.min, max: f.max })}
          check={(v) =>
            wholeNumberProblem(v, f.min, f.max, t('settings.invalid.number', { min: f.min, max: f.max }))
          }
          onCommit={(text) => update({ [f.name]: Number(text.trim()) })}
        />
      ))}
    </section>
  );
}
