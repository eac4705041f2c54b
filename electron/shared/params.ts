/**
 * Parameter rules: checks a request against DashScope's ranges and the model's abilities, and
 * builds the compatible-mode body. A request DashScope would refuse is refused here first, with a
 * sentence saying what to change, and no HTTP request is made (qwen-api.md §2).
 */
import type { ChatMessage, ChatParams, ModelInfo, SearchStrategy } from '../contract';
import { AppErrorException, fail } from './app-error';
import type { MainTextKey, MainTextParams } from './main-text';
import { visionSpec } from './vision';
import {
  DEFAULT_TRANSLATION,
  isTranslationModel,
  translationOptionsWire,
  translationRefusal,
  type TranslationOptionsWire,
} from './translation';

export const MAX_SEED = 2 ** 31 - 1;

/** A message as sent: text parts may carry the explicit-cache marker (issue 13, §4.2). */
export interface WireMessage {
  role: ChatMessage['role'];
  content:
    | string
    | Array<
        | { type: 'text'; text: string; cache_control?: { type: 'ephemeral' } }
        | { type: 'image_url'; image_url: { url: string } }
      >;
}

/** The compatible-mode body; non-OpenAI fields (enable_thinking, …) go at the top level. */
export interface ChatBody {
  model: string;
  messages: WireMessage[];
  stream: boolean;
  stream_options?: { include_usage: boolean };
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  seed?: number;
  stop?: string | string[];
  presence_penalty?: number;
  response_format?: { type: 'json_object' };
  enable_thinking?: boolean;
  thinking_budget?: number;
  enable_search?: boolean;
  /** Compatible mode takes the strategy here too; sources and citations need the native protocol. */
  search_options?: { search_strategy: SearchStrategy };
  /** Issue 10: images read at up to 16,384 tokens instead of the default `max_pixels`. */
  vl_high_resolution_images?: boolean;
  /** Issue 14: Qwen-MT's languages, glossary and domain hint (§6.4). */
  translation_options?: TranslationOptionsWire;
}

/** Whether the model reads images: the catalog's flag, or the vision rules know its id (Qwen3.5+). */
export function seesImages(model: ModelInfo): boolean {
  return model.capabilities.vision || visionSpec(model.id) !== null;
}

const invalid = (key: MainTextKey, params?: MainTextParams, action?: MainTextKey): never =>
  fail('invalid_argument', key, { ...(params ? { params } : {}), ...(action ? { action } : {}) });

/** Whether thinking will be on for this request (thinking-only models: always). */
export function thinkingOn(model: ModelInfo, params: ChatParams): boolean {
  if (model.capabilities.thinking === 'always') return true;
  if (model.capabilities.thinking === 'none' && !model.custom) return false;
  // The switch when the user set it, else the model's own default (qwen3.5+ think by default).
  return params.enableThinking ?? model.thinkingDefault ?? false;
}

function checkRanges(model: ModelInfo, p: ChatParams): void {
  const { temperature, topP, maxTokens, seed, presencePenalty, thinkingBudget, stop } = p;
  if (temperature !== undefined && !(temperature >= 0 && temperature < 2)) {
    invalid('param.temperature');
  }
  if (topP !== undefined && !(topP > 0 && topP <= 1)) {
    invalid('param.topP');
  }
  if (maxTokens !== undefined) {
    const max = model.maxOutput;
    if (maxTokens < 1 || (max !== null && maxTokens > max)) {
      if (max === null) invalid('param.maxTokens');
      else invalid('param.maxTokensFor', { max: max.toLocaleString('en-US'), model: model.name });
    }
  }
  if (seed !== undefined && !(seed >= 0 && seed <= MAX_SEED)) {
    invalid('param.seed', { max: MAX_SEED.toLocaleString('en-US') });
  }
  if (presencePenalty !== undefined && !(presencePenalty >= -2 && presencePenalty <= 2)) {
    invalid('param.presencePenalty');
  }
  if (thinkingBudget !== undefined && thinkingBudget < 1) {
    invalid('param.thinkingBudget');
  }
  const stops = stop === undefined ? [] : Array.isArray(stop) ? stop : [stop];
  if (stops.some((s) => s.length === 0)) invalid('param.emptyStop');
}

/** Refuses what the model cannot do (custom models: the user knows best, nothing is refused). */
function checkAbilities(model: ModelInfo, p: ChatParams, messages: ChatMessage[]): void {
  if (model.custom) return;
  const caps = model.capabilities;
  if (p.enableThinking && caps.thinking === 'none') {
    invalid('param.noThinking', { model: model.name }, 'param.noThinking.action');
  }
  if (p.enableSearch && !caps.webSearch) {
    invalid('param.noSearch', { model: model.name }, 'param.noSearch.action');
  }
  if (p.enableSearch && p.searchStrategy && !(model.searchStrategies ?? []).includes(p.searchStrategy)) {
    const strategies = (model.searchStrategies ?? ['turbo']).join(', ');
    invalid(
      'param.noStrategy',
      { model: model.name, strategy: p.searchStrategy, strategies },
      'param.noStrategy.action',
    );
  }
  if (p.jsonMode && !caps.jsonMode) {
    invalid('param.noJson', { model: model.name }, 'param.noJson.action');
  }
  if (
    !seesImages(model) &&
    messages.some((m) => Array.isArray(m.content) && m.content.some((c) => c.type === 'image_url'))
  ) {
    invalid('param.noVision', { model: model.name }, 'param.noVision.action');
  }
}

/** Qwen-MT takes exactly one user message, no system prompt, no earlier turns (§6.4). */
function checkTranslation(model: ModelInfo, p: ChatParams, messages: ChatMessage[]): void {
  if (!isTranslationModel(model.id)) return;
  const refused = translationRefusal(p.translation ?? DEFAULT_TRANSLATION);
  if (refused) throw new AppErrorException(refused);
  if (model.custom) return;
  if (p.systemPrompt?.trim() || messages.length !== 1 || messages[0]!.role !== 'user') {
    invalid('param.translateOne', { model: model.name }, 'param.translateOne.action');
  }
}

function mentionsJson(messages: ChatMessage[]): boolean {
  return messages.some((m) => {
    if (m.role === 'assistant') return false;
    const text =
      typeof m.content === 'string'
        ? m.content
        : m.content.map((c) => (c.type === 'text' ? c.text : '')).join(' ');
    return /json/i.test(text);
  });
}

/** Checks the request and builds the streaming body. Throws AppErrorException (invalid_argument). */
export function buildChatBody(model: ModelInfo, messages: ChatMessage[], params: ChatParams = {}): ChatBody {
  checkRanges(model, params);
  checkAbilities(model, params, messages);
  checkTranslation(model, params, messages);
  const all: ChatMessage[] = params.systemPrompt?.trim()
    ? [{ role: 'system', content: params.systemPrompt }, ...messages]
    : messages;
  const thinking = thinkingOn(model, params);

  if (params.jsonMode) {
    if (thinking) {
      const always = model.capabilities.thinking === 'always';
      invalid(
        'param.jsonThinking',
        { model: model.name },
        always ? 'param.jsonThinkingAlways.action' : 'param.jsonThinking.action',
      );
    }
    if (!mentionsJson(all)) {
      invalid('param.jsonWord', undefined, 'param.jsonWord.action');
    }
  }

  const body: ChatBody = {
    model: model.id,
    messages: all,
    // Every chat request streams: thinking and streaming-only models accept nothing else.
    stream: true,
    stream_options: { include_usage: true },
  };
  if (params.temperature !== undefined) body.temperature = params.temperature;
  if (params.topP !== undefined) body.top_p = params.topP;
  if (params.maxTokens !== undefined) body.max_tokens = params.maxTokens;
  if (params.seed !== undefined) body.seed = params.seed;
  if (params.stop !== undefined) body.stop = params.stop;
  if (params.presencePenalty !== undefined) body.presence_penalty = params.presencePenalty;
  if (params.jsonMode) body.response_format = { type: 'json_object' };
  // Thinking-only models reject `enable_thinking: false` and think anyway: send nothing for them.
  // Hybrid models always get an explicit value (qwen3.5+ think by default, older commercial ones
  // don't), so the Thinking switch is the truth; a custom model only when the user set it.
  if (model.capabilities.thinking === 'optional' && !model.custom) body.enable_thinking = thinking;
  else if (model.custom && params.enableThinking !== undefined) body.enable_thinking = params.enableThinking;
  if (thinking && params.thinkingBudget !== undefined) body.thinking_budget = params.thinkingBudget;
  if (params.enableSearch !== undefined && (model.custom || model.capabilities.webSearch)) {
    body.enable_search = params.enableSearch;
    if (params.enableSearch && params.searchStrategy) {
      body.search_options = { search_strategy: params.searchStrategy };
    }
  }
  if (params.highResolution && seesImages(model)) body.vl_high_resolution_images = true;
  // Qwen-MT always gets its options: the conversation's, else detect → English (as the controls show).
  if (isTranslationModel(model.id))
    body.translation_options = translationOptionsWire(params.translation ?? DEFAULT_TRANSLATION);
  return body;
}
