/**
 * The fake server's Qwen-MT (qwen-api-2026.md §6.4), on both protocols: `translation_options` at
 * the top level (compatible) or in `parameters` (native); exactly one user message, no system
 * message; `source_lang: "auto"` detected from the text; glossary `terms` applied; and the two
 * stream kinds: qwen-mt-flash/lite send increments, qwen-mt-plus/turbo repeat the full text so far
 * in every event. The "translation" is deterministic so tests can predict it: the detected and target
 * languages in brackets, then the text with every glossary term replaced by its translation.
 */
import type { FakeScenario } from './server';

export interface WireTranslationOptions {
  source_lang?: unknown;
  target_lang?: unknown;
  terms?: unknown;
  domains?: unknown;
}

export const isTranslationModel = (model: string | undefined): boolean => /^qwen-mt-/.test(model ?? '');
/** Non-incremental only (§6.4): every event carries the whole text so far. */
export const repeatsFullText = (model: string | undefined): boolean =>
  /^qwen-mt-(plus|turbo)(-|$)/.test(model ?? '');

/** The language `auto` finds: by script, as a stand-in for the model's detection. */
export function detectLanguage(text: string): string {
  if (/[\u3040-\u30ff]/u.test(text)) return 'Japanese';
  if (/[\uac00-\ud7af]/u.test(text)) return 'Korean';
  if (/\p{Script=Han}/u.test(text)) return 'Chinese';
  return 'English';
}

function terms(options: WireTranslationOptions): Array<{ source: string; target: string }> {
  if (!Array.isArray(options.terms)) return [];
  return options.terms.flatMap((t: { source?: unknown; target?: unknown }) =>
    typeof t?.source === 'string' && typeof t.target === 'string' && t.source
      ? [{ source: t.source, target: t.target }]
      : [],
  );
}

/** The fake's translation of `text`. */
export function fakeTranslation(text: string, options: WireTranslationOptions): string {
  const source =
    typeof options.source_lang === 'string' && options.source_lang !== 'auto'
      ? options.source_lang
      : detectLanguage(text);
  let body = text;
  for (const t of terms(options)) body = body.split(t.source).join(t.target);
  return `[${source} → ${String(options.target_lang)}] ${body}`;
}

type Refusal = { status: number; error: { message: string; type: string; code: string } };
const invalid = (message: string): Refusal => ({
  status: 400,
  error: { message, type: 'invalid_request_error', code: 'invalid_parameter_error' },
});

/** What DashScope refuses for a Qwen-MT request (one user message, a target language); null: fine. */
export function refuseTranslation(request: {
  model?: string | undefined;
  messages?: Array<{ role: string; content: unknown }> | undefined;
  translation_options?: WireTranslationOptions | undefined;
}): Refusal | null {
  if (!isTranslationModel(request.model)) return null;
  const messages = request.messages ?? [];
  if (messages.length !== 1 || messages[0]!.role !== 'user')
    return invalid('The translation model only supports a single user message.');
  const target = request.translation_options?.target_lang;
  if (typeof target !== 'string' || !target || target === 'auto')
    return invalid('translation_options.target_lang is required.');
  return null;
}

/** The default answer of a Qwen-MT model: its translation, streamed the way that model streams. */
export function translationScenario(
  model: string | undefined,
  text: string,
  options: WireTranslationOptions,
  tokenize: (text: string) => string[],
): FakeScenario {
  return {
    type: 'stream',
    tokens: tokenize(fakeTranslation(text, options)),
    delayMs: 5,
    ...(repeatsFullText(model) ? { fullText: true } : {}),
  };
}

/** The content of event `i`: the token, or (full-text models) every token up to it. */
export function eventText(s: { tokens: string[]; fullText?: boolean }, i: number): string {
  return s.fullText ? s.tokens.slice(0, i + 1).join('') : s.tokens[i]!;
}
