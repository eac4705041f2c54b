/**
 * Qwen-MT translation (issue 14, item 4; qwen-api-2026.md §6.4): which models translate, which of
 * them repeat the full text in every stream event, the languages offered, and the checks and wire
 * shape of `translation_options`. Pure code (no Node, DOM or Electron): the parameter rules, both
 * transports and the renderer's Translate controls use the same list and rules.
 */
import type { AppError, TranslationOptions } from '../contract';
import { appError } from './app-error';

/** `source_lang: "auto"` asks Qwen-MT to detect the language of the text. */
export const AUTO_DETECT = 'auto';

/** The Qwen-MT models (catalog ids and dated snapshots). */
export function isTranslationModel(modelId: string): boolean {
  return /^qwen-mt-/.test(modelId);
}

/**
 * qwen-mt-plus and qwen-mt-turbo stream non-incrementally only: each event carries the whole text
 * so far (§6.4); flash and lite stream increments like every other model.
 */
export function repeatsFullText(modelId: string): boolean {
  return /^qwen-mt-(plus|turbo)(-|$)/.test(modelId);
}

/**
 * The languages the Translate controls offer: the English name DashScope takes (§6.4: a name or a
 * code), and the BCP 47 tag the window uses to show the name in the UI's language
 * (`Intl.DisplayNames`). All 31 are among the ones Qwen-MT-Lite supports, so every model takes them.
 */
export const TRANSLATION_LANGUAGES: ReadonlyArray<{ name: string; tag: string }> = [
  { name: 'Chinese', tag: 'zh' },
  { name: 'English', tag: 'en' },
  { name: 'Japanese', tag: 'ja' },
  { name: 'Korean', tag: 'ko' },
  { name: 'Traditional Chinese', tag: 'zh-Hant' },
  { name: 'Cantonese', tag: 'yue' },
  { name: 'French', tag: 'fr' },
  { name: 'German', tag: 'de' },
  { name: 'Spanish', tag: 'es' },
  { name: 'Portuguese', tag: 'pt' },
  { name: 'Italian', tag: 'it' },
  { name: 'Russian', tag: 'ru' },
  { name: 'Arabic', tag: 'ar' },
  { name: 'Thai', tag: 'th' },
  { name: 'Vietnamese', tag: 'vi' },
  { name: 'Indonesian', tag: 'id' },
  { name: 'Malay', tag: 'ms' },
  { name: 'Turkish', tag: 'tr' },
  { name: 'Dutch', tag: 'nl' },
  { name: 'Polish', tag: 'pl' },
  { name: 'Ukrainian', tag: 'uk' },
  { name: 'Czech', tag: 'cs' },
  { name: 'Hungarian', tag: 'hu' },
  { name: 'Romanian', tag: 'ro' },
  { name: 'Greek', tag: 'el' },
  { name: 'Swedish', tag: 'sv' },
  { name: 'Danish', tag: 'da' },
  { name: 'Finnish', tag: 'fi' },
  { name: 'Hebrew', tag: 'he' },
  { name: 'Hindi', tag: 'hi' },
  { name: 'Filipino', tag: 'fil' },
];

/** What a new translation uses until the user chooses: detect the source, translate into English. */
export const DEFAULT_TRANSLATION: TranslationOptions = { sourceLang: AUTO_DETECT, targetLang: 'English' };

/** Most glossary pairs sent with one request (they count toward its 8,192 input tokens). */
export const MAX_GLOSSARY_TERMS = 100;
export const MAX_TERM_CHARS = 200;
export const MAX_DOMAIN_CHARS = 1000;

/** What can be wrong with the options: each a sentence of main-text.ts, with `.action` beside it. */
export type TranslationProblem =
  'translation.noTarget' | 'translation.targetAuto' | 'translation.sameLanguage' | 'translation.glossaryTerm';

export const translationAction = (problem: TranslationProblem) => `${problem}.action` as const;

/**
 * What is wrong with a translation's options, as the error both the engine and the page give
 * (said by key, so in the UI's language); null when they can be sent.
 */
export function translationRefusal(options: TranslationOptions): AppError | null {
  const problem = translationProblem(options);
  return problem ? appError('invalid_argument', problem, { action: translationAction(problem) }) : null;
}

/** What is wrong with the options, or null when they can be sent. */
export function translationProblem(o: TranslationOptions): TranslationProblem | null {
  const target = o.targetLang.trim();
  if (!target) return 'translation.noTarget';
  if (target.toLowerCase() === AUTO_DETECT) return 'translation.targetAuto';
  if (o.sourceLang.trim().toLowerCase() === target.toLowerCase()) return 'translation.sameLanguage';
  if ((o.terms ?? []).some((t) => !t.source.trim() || !t.target.trim())) return 'translation.glossaryTerm';
  return null;
}

/** `translation_options` as DashScope reads it (compatible: top level; native: in `parameters`). */
export interface TranslationOptionsWire {
  source_lang: string;
  target_lang: string;
  terms?: Array<{ source: string; target: string }>;
  domains?: string;
}

export function translationOptionsWire(o: TranslationOptions): TranslationOptionsWire {
  const wire: TranslationOptionsWire = {
    source_lang: o.sourceLang.trim() || AUTO_DETECT,
    target_lang: o.targetLang.trim(),
  };
  const terms = (o.terms ?? []).map((t) => ({ source: t.source.trim(), target: t.target.trim() }));
  if (terms.length > 0) wire.terms = terms;
  if (o.domains?.trim()) wire.domains = o.domains.trim();
  return wire;
}
