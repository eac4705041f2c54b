import { useState } from 'react';
import { SidePanel } from '../../app/SidePanel';
import type { ChatParams } from '../../../../electron/contract';
import { useLocale, useT } from '../../i18n';
import { useCatalog } from '../../state/catalog-store';
import { useChatStore } from '../../state/chat-store';
import { useSettingsStore } from '../../state/settings-store';
import { CapabilityBadges } from './CapabilityBadges';
import { NumberField } from './NumberField';
import { SwitchField } from './SwitchField';
import { controlStates } from './control-states';
import { combinationError, fieldErrors, modelFor } from './param-rules';
import { seesImages } from '../../../../electron/shared/params';
import { useMainText } from '../../i18n/main-text';

/**
 * The open conversation's Qwen parameters. Every change is kept with the conversation at once;
 * what the chosen model cannot do is disabled with the reason; values are judged by the engine's
 * own rules as they are typed.
 */
export function ConversationSettingsPanel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const said = useMainText();
  const modelId = useChatStore((s) => s.model);
  const params = useChatStore((s) => s.params);
  const setSettings = useChatStore((s) => s.setSettings);
  const models = useCatalog((s) => s.models);
  const saveDefaults = useSettingsStore((s) => s.update);
  const [saved, setSaved] = useState<'saved' | 'failed' | null>(null);
  const model = modelFor(modelId, models);
  const errors = fieldErrors(
    model,
    params,
    useLocale((s) => s.locale),
  );
  const conflict = combinationError(model, params);

  const change = <K extends keyof ChatParams>(key: K, value: ChatParams[K] | undefined) => {
    const next = { ...params };
    if (value === undefined) delete next[key];
    else next[key] = value;
    setSaved(null);
    setSettings({ params: next });
  };

  // The same states the header's toggles show (control-states.ts).
  const states = controlStates(model, params, t);
  const thinking = states.thinking.on;

  return (
    <SidePanel
      titleId="conversation-settings-title"
      title={t('controls.title')}
      closeLabel={t('settings.close')}
      className="conversation-settings"
      onClose={onClose}
    >
      <p className="controls-model">
        {t('controls.forModel', { model: model.id })} <CapabilityBadges model={model} />
      </p>
      {model.custom && <p className="control-reason">{t('controls.customNote')}</p>}

      <div className="setting-field">
        <label htmlFor="conversation-system-prompt">{t('controls.systemPrompt')}</label>
        <textarea
          id="conversation-system-prompt"
          rows={4}
          value={params.systemPrompt ?? ''}
          placeholder={t('controls.systemPromptPlaceholder')}
          onChange={(e) => change('systemPrompt', e.target.value === '' ? undefined : e.target.value)}
        />
      </div>

      <div className="control-grid">
        <NumberField
          label={t('controls.temperature')}
          value={params.temperature}
          step="0.1"
          placeholder={t('controls.modelDefault')}
          error={errors.temperature}
          onChange={(v) => change('temperature', v)}
        />
        <NumberField
          label={t('controls.topP')}
          value={params.topP}
          step="0.05"
          placeholder={t('controls.modelDefault')}
          error={errors.topP}
          onChange={(v) => change('topP', v)}
        />
        <NumberField
          label={t('controls.maxTokens')}
          value={params.maxTokens}
          integer
          placeholder={
            model.maxOutput !== null
              ? t('controls.upTo', { n: model.maxOutput.toLocaleString() })
              : t('controls.modelDefault')
          }
          error={errors.maxTokens}
          onChange={(v) => change('maxTokens', v)}
        />
        <NumberField
          label={t('controls.seed')}
          value={params.seed}
          integer
          placeholder={t('controls.random')}
          error={errors.seed}
          onChange={(v) => change('seed', v)}
        />
      </div>

      <SwitchField
        checkbox
        label={t('controls.jsonMode')}
        checked={states.jsonMode.on}
        lockedReason={states.jsonMode.locked}
        onChange={(on) => change('jsonMode', on || undefined)}
      />
      <SwitchField
        label={t('controls.thinking')}
        checked={thinking}
        lockedReason={states.thinking.locked}
        onChange={(on) => change('enableThinking', on)}
      />
      <NumberField
        label={t('controls.thinkingBudget')}
        value={params.thinkingBudget}
        integer
        disabled={!thinking}
        placeholder={t('controls.modelDefault')}
        error={errors.thinkingBudget}
        onChange={(v) => change('thinkingBudget', v)}
      />
      <SwitchField
        label={t('controls.webSearch')}
        checked={states.webSearch.on}
        lockedReason={states.webSearch.locked}
        onChange={(on) => change('enableSearch', on)}
      />
      {(model.searchStrategies?.length ?? 0) > 1 && (
        <div className="setting-field">
          <label htmlFor="conversation-search-strategy">{t('controls.searchStrategy')}</label>
          <select
            id="conversation-search-strategy"
            value={params.searchStrategy ?? model.searchStrategies![0]}
            disabled={params.enableSearch !== true}
            onChange={(e) =>
              change('searchStrategy', e.target.value as NonNullable<ChatParams['searchStrategy']>)
            }
          >
            {model.searchStrategies!.map((s) => (
              <option key={s} value={s}>
                {t(`controls.searchStrategy.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {/* Issue 10: images fitted to the high-resolution cap, sent with vl_high_resolution_images. */}
      <SwitchField
        label={t('controls.highResolution')}
        checked={seesImages(model) && params.highResolution === true}
        lockedReason={seesImages(model) ? null : t('controls.reason.noVision', { model: model.id })}
        onChange={(on) => change('highResolution', on)}
      />
      {conflict && (
        <div role="alert" className="error">
          {said.message(conflict)}
          {conflict.action && <span className="action"> {said.action(conflict)}</span>}
        </div>
      )}

      <footer className="controls-footer">
        <button
          type="button"
          onClick={() =>
            void saveDefaults({ defaultModel: model.id, defaultParams: params }).then((ok) =>
              setSaved(ok ? 'saved' : 'failed'),
            )
          }
        >
          {t('controls.saveDefault')}
        </button>
        <span role="status">
          {saved === 'saved'
            ? t('controls.savedDefault')
            : saved === 'failed'
              ? t('controls.saveFailed')
              : ''}
        </span>
      </footer>
    </SidePanel>
  );
}
