/**
 * What the controls may offer for a model, and the engine's own verdict on the values: the checks
 * are electron/shared/params.ts itself, and models the engine's catalog (pure code, no Node), so the panel refuses exactly what the
 * engine would, in the engine's words, before anything is sent.
 */
import type { AppError, ChatMessage, ChatParams, ModelInfo } from '../../../../electron/contract';
import { describeModel } from '../../../../electron/shared/models';
import { buildChatBody } from '../../../../electron/shared/params';
import type { Locale } from '../../i18n';
import { errorMessage } from '../../i18n/main-text';

export type Control = 'thinking' | 'webSearch' | 'jsonMode';
export type NumberField = 'temperature' | 'topP' | 'maxTokens' | 'seed' | 'thinkingBudget';

/**
 * The model as the list offers it, else as the engine will describe it (a dated snapshot gets its
 * family's abilities; any other id is custom: sent as is, unchecked).
 */
export function modelFor(id: string, models: readonly ModelInfo[]): ModelInfo {
  return models.find((m) => m.id === id) ?? describeModel(id);
}

/** Whether a control can be changed for this model ("always" thinking is on and locked). */
export function supports(model: ModelInfo, control: Control): boolean {
  if (model.custom) return true;
  const caps = model.capabilities;
  if (control === 'thinking') return caps.thinking === 'optional';
  return caps[control];
}

/**
 * The parameters a request carries: the conversation keeps everything the user set (switching back
 * to a model restores them), but a switch the chosen model lacks is left out, not refused.
 */
export function effectiveParams(model: ModelInfo, params: ChatParams): ChatParams {
  const out: ChatParams = { ...params };
  if (!supports(model, 'thinking')) delete out.enableThinking;
  if (!supports(model, 'webSearch')) delete out.enableSearch;
  // A strategy the model does not allow (kept from another model) falls back to its default.
  if (out.searchStrategy && !model.custom && !(model.searchStrategies ?? []).includes(out.searchStrategy))
    delete out.searchStrategy;
  if (!supports(model, 'jsonMode')) delete out.jsonMode;
  if (out.systemPrompt !== undefined && !out.systemPrompt.trim()) delete out.systemPrompt;
  return out;
}

/** The engine's refusal of this request, or null when it would be sent. */
export function refusal(model: ModelInfo, params: ChatParams, messages: ChatMessage[]): AppError | null {
  try {
    buildChatBody(model, messages, effectiveParams(model, params));
    return null;
  } catch (err) {
    const error = (err as { appError?: AppError }).appError;
    if (error) return error;
    throw err;
  }
}

// A message that satisfies the JSON-mode word rule, so only the values themselves are judged.
const judged: ChatMessage[] = [{ role: 'user', content: 'json' }];

/** Each number's own refusal (ranges depend on the model: max tokens up to its max output). */
export function fieldErrors(
  model: ModelInfo,
  params: ChatParams,
  locale: Locale = 'en',
): Partial<Record<NumberField, string>> {
  const errors: Partial<Record<NumberField, string>> = {};
  for (const field of ['temperature', 'topP', 'maxTokens', 'seed', 'thinkingBudget'] as const) {
    if (params[field] === undefined) continue;
    const error = refusal(model, { [field]: params[field] }, judged);
    if (error) errors[field] = errorMessage(locale, error);
  }
  return errors;
}

/** A refusal of the combination (e.g. JSON mode while thinking) that no single field explains. */
export function combinationError(model: ModelInfo, params: ChatParams): AppError | null {
  if (Object.keys(fieldErrors(model, params)).length > 0) return null;
  return refusal(model, params, judged);
}
