import { useT, type MessageKey } from '../../i18n';
import { useCatalog } from '../../state/catalog-store';
import { useChatStore } from '../../state/chat-store';
import { controlStates, toggled } from './control-states';
import { modelFor, type Control } from './param-rules';
import './header-toggles.css';

const order: Array<[Control, MessageKey]> = [
  ['thinking', 'controls.thinking'],
  ['webSearch', 'controls.webSearch'],
  ['jsonMode', 'controls.jsonMode'],
];

/**
 * Issue 15, item 7: what is on for this conversation, as toggle buttons (pressed = on) that change
 * it within the model's rules; one the model decides is disabled, its reason as its description.
 * Distinct from the capability hints, which only say what the model can do.
 */
export function HeaderToggles() {
  const t = useT();
  const model = modelFor(
    useChatStore((s) => s.model),
    useCatalog((s) => s.models),
  );
  const params = useChatStore((s) => s.params);
  const setSettings = useChatStore((s) => s.setSettings);
  const states = controlStates(model, params, t);
  return (
    <div role="group" aria-label={t('controls.thisChat')} className="header-toggles">
      {order.map(([control, label]) => {
        const state = states[control];
        return (
          <button
            key={control}
            type="button"
            className="header-toggle"
            aria-pressed={state.on}
            // Not \`disabled\`: the button stays focusable, so its reason can be read.
            aria-disabled={state.locked !== null || undefined}
            title={state.locked ?? undefined}
            onClick={() => {
              if (state.locked === null) setSettings({ params: toggled(control, params, !state.on) });
            }}
          >
            {t(label)}
          </button>
        );
      })}
    </div>
  );
}
