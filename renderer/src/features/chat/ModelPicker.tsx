import { useEffect, useState } from 'react';
import { useLocale, useT } from '../../i18n';
import { loadModels, useChatStore } from '../../state/chat-store';
import { useCatalog } from '../../state/catalog-store';
import { CapabilityBadges } from '../controls/CapabilityBadges';
import { capabilityWords, priceWords } from '../controls/capabilities';
import { modelFor } from '../controls/param-rules';

/** What DashScope accepts as a model id (the contract checks the same). */
const MODEL_ID = /^[A-Za-z0-9._:/-]{1,200}$/;

/**
 * The combobox "Model": the catalog with each model's abilities, or any id typed in (a custom
 * model, sent as is). The chosen model's abilities show next to it.
 */
export function ModelPicker() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const model = useChatStore((s) => s.model);
  const setModel = useChatStore((s) => s.setModel);
  const unsent = useChatStore((s) => s.conversationId === null);
  const models = useCatalog((s) => s.models);
  // While the box has focus it holds what is typed ('' shows the whole list).
  const [typed, setTyped] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    void loadModels().then((list) => useCatalog.getState().setModels(list));
  }, []);

  const commit = (value: string) => {
    const id = value.trim();
    setTyped(null);
    if (id === '') return setInvalid(false);
    if (!MODEL_ID.test(id)) return setInvalid(true);
    setInvalid(false);
    // Picking the model already shown still counts in an unsent chat: the choice is kept over
    // Settings' defaults, which may arrive after it.
    if (id !== model || unsent) setModel(id);
  };

  const chosen = modelFor(model, models);
  return (
    <div className="model-picker">
      <label htmlFor="model-picker-input">{t('model.label')}</label>
      <input
        id="model-picker-input"
        role="combobox"
        list="model-picker-options"
        aria-label={t('model.label')}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'model-picker-error' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={typed ?? model}
        placeholder={model}
        onFocus={() => setTyped('')}
        onChange={(e) => {
          const value = e.target.value;
          // Picked from the list: take it at once.
          if (models.some((m) => m.id === value)) commit(value);
          else setTyped(value);
        }}
        onBlur={() => typed !== null && commit(typed)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(typed ?? model);
            e.currentTarget.blur();
          } else if (e.key === 'Escape' && typed !== null) {
            e.stopPropagation();
            setTyped(null);
            e.currentTarget.blur();
          }
        }}
      />
      <datalist id="model-picker-options">
        {models.map((m) => (
          <option
            key={m.id}
            value={m.id}
            label={[m.name, ...capabilityWords(m, t), priceWords(m, t, locale)].filter(Boolean).join(' · ')}
          />
        ))}
      </datalist>
      <CapabilityBadges model={chosen} />
      {invalid && (
        <span id="model-picker-error" role="alert" className="control-error">
          {t('controls.badModelId')}
        </span>
      )}
    </div>
  );
}
