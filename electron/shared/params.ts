/**
 * Parameter rules: checks a request against DashScope's ranges and the model's abilities, and
 * builds the compatible-mode body. A request DashScope would refuse is refused here first, with a
 * sentence saying what to change, and no HTTP request is made (qwen-api.md §2).
 */
import type { ChatMessage, ChatParams, ModelInfo, SearchStrategy } from '../contract';
import { fail } from './app-error';
import { visionSpec } from './vision';
import {
  DEFAULT_TRANSLATION,
  isTranslationModel,
  translationErrors,
  translationOptionsWire,
  translationProblem,
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

const invalid = (message: string, action?: string): never =>
  fail('invalid_argument', message, action ? { action } : {});

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
    invalid('Temperature must be at least 0 and less than 2.');
  }
  if (topP !== undefined && !(topP > 0 && topP <= 1)) {
    invalid('Top P must be greater than 0 and at most 1.');
  }
  if (maxTokens !== undefined) {
    const max = model.maxOutput;
    if (maxTokens < 1 || (max !== null && maxTokens > max)) {
      invalid(
        max === null
          ? 'Max tokens must be at least 1.'
          : `Max tokens must be between 1 and ${max.toLocaleString('en-US')} for ${model.name}.`,
      );
    }
  }
  if (seed !== undefined && !(seed >= 0 && seed <= MAX_SEED)) {
    invalid(`The seed must be a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}.`);
  }
  if (presencePenalty !== undefined && !(presencePenalty >= -2 && presencePenalty <= 2)) {
    invalid('Presence penalty must be between -2 and 2.');
  }
  if (thinkingBudget !== undefined && thinkingBudget < 1) {
    invalid('The thinking budget must be a positive number of tokens.');
  }
  const stops = stop === undefined ? [] : Array.isArray(stop) ? stop : [stop];
  if (stops.some((s) => s.length === 0)) invalid('A stop sequence cannot be empty.');
}

/** Refuses what the model cannot do (custom models: the user knows best, nothing is refused). */
function checkAbilities(model: ModelInfo, p: ChatParams, messages: ChatMessage[]): void {
  if (model.custom) return;
  const caps = model.capabilities;
  if (p.enableThinking && caps.thinking === 'none') {
    invalid(
      `${model.name} cannot think before answering.`,
      'Turn thinking off, or choose a model that thinks.',
    );
  }
  if (p.enableSearch && !caps.webSearch) {
    invalid(`${model.name} cannot search the web.`, 'Turn web search off, or choose Qwen-Plus or Qwen-Max.');
  }
  if (p.enableSearch && p.searchStrategy && !(model.searchStrategies ?? []).includes(p.searchStrategy)) {
    invalid(
      `${model.name} cannot search with the "${p.searchStrategy}" strategy.`,
      `Choose ${(model.searchStrategies ?? ['turbo']).join(', ')} in Conversation settings.`,
    );
  }
  if (p.jsonMode && !caps.jsonMode) {
    invalid(`${model.name} has no JSON mode.`, 'Turn JSON mode off, or choose Qwen-Plus or Qwen-Max.');
  }
  if (
    !seesImages(model) &&
    messages.some((m) => Array.isArray(m.content) && m.content.some((c) => c.type === 'image_url'))
  ) {
    invalid(
      `${model.name} cannot see images.`,
      'Choose a vision model (Qwen-VL or QVQ), or remove the images.',
    );
  }
}

/** Qwen-MT takes exactly one user message, no system prompt, no earlier turns (§6.4). */
function checkTranslation(model: ModelInfo, p: ChatParams, messages: ChatMessage[]): void {
  if (!isTranslationModel(model.id)) return;
  const problem = translationProblem(p.translation ?? DEFAULT_TRANSLATION);
  if (problem) invalid(translationErrors[problem].message, translationErrors[problem].action);
  if (model.custom) return;
  if (p.systemPrompt?.trim() || messages.length !== 1 || messages[0]!.role !== 'user') {
    invalid(
      `${model.name} translates one message at a time: no system prompt and no earlier turns.`,
      'Start a new chat for each text (without a system prompt), or choose another model.',
    );
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
      invalid(
        'JSON mode cannot be used while the model is thinking.',
        model.capabilities.thinking === 'always'
          ? `Choose a model other than ${model.name}, or turn JSON mode off.`
          : 'Turn thinking off, or turn JSON mode off.',
      );
    }
    if (!mentionsJson(all)) {
      invalid(
        'JSON mode needs the word "JSON" in your message or the system prompt: Qwen refuses the request without it.',
        'Add it, for example "Answer in JSON.", and send again.',
      );
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
