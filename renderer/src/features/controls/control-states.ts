/**
 * Thinking, Web search and JSON mode for this conversation: on or off as they will be sent, and
 * why one cannot be changed for the chosen model. Shared by Conversation settings (its switches)
 * and the header's toggles (issue 15, item 7), so both always agree.
 */
import type { ChatParams, ModelInfo } from '../../../../electron/contract';
import type { MessageKey } from '../../i18n';
import { supports, type Control } from './param-rules';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface ControlState {
  on: boolean;
  /** Why it cannot be changed for this model; null when it can. */
  locked: string | null;
}

/** What each control's change writes into the conversation's parameters. */
export function toggled(control: Control, params: ChatParams, on: boolean): ChatParams {
  const next = { ...params };
  if (control === 'thinking') next.enableThinking = on;
  else if (control === 'webSearch') next.enableSearch = on;
  else if (on) next.jsonMode = true;
  else delete next.jsonMode;
  return next;
}

export function controlStates(
  model: ModelInfo,
  params: ChatParams,
  t: Translate,
): Record<Control, ControlState> {
  const caps = model.capabilities;
  const thinkingLocked =
    supports(model, 'thinking') || model.custom
      ? null
      : caps.thinking === 'always'
        ? t('controls.reason.alwaysThinks', { model: model.id })
        : t('controls.reason.noThinking', { model: model.id });
  // What is sent: the user's choice, else the model's default (qwen3.5 and later think by default).
  const thinking =
    caps.thinking === 'always' && !model.custom
      ? true
      : (params.enableThinking ?? (caps.thinking === 'optional' ? model.thinkingDefault : false) ?? false);
  const locked = (control: 'webSearch' | 'jsonMode') =>
    supports(model, control)
      ? null
      : t(control === 'webSearch' ? 'controls.reason.noWebSearch' : 'controls.reason.noJson', {
          model: model.id,
        });
  return {
    thinking: { on: thinking, locked: thinkingLocked },
    webSearch: {
      on: supports(model, 'webSearch') && params.enableSearch === true,
      locked: locked('webSearch'),
    },
    jsonMode: { on: supports(model, 'jsonMode') && params.jsonMode === true, locked: locked('jsonMode') },
  };
}
