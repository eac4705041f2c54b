import { describe, expect, it } from 'vitest';
import { describeModel } from '../../../electron/shared/models';
import { buildChatBody } from '../../../electron/shared/params';
import {
  isTranslationModel,
  repeatsFullText,
  translationOptionsWire,
  translationProblem,
  TRANSLATION_LANGUAGES,
} from '../../../electron/shared/translation';

describe('Qwen-MT rules (§6.4)', () => {
  it('knows the translation models and which of them repeat the full text', () => {
    expect(['qwen-mt-plus', 'qwen-mt-flash', 'qwen-mt-lite', 'qwen-mt-turbo'].every(isTranslationModel)).toBe(
      true,
    );
    expect(isTranslationModel('qwen-plus')).toBe(false);
    expect(['qwen-mt-plus', 'qwen-mt-turbo', 'qwen-mt-plus-2025-09-01'].map(repeatsFullText)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['qwen-mt-flash', 'qwen-mt-lite', 'qwen-plus'].map(repeatsFullText)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('judges the options: a target, not "auto", not the source, complete glossary pairs', () => {
    const ok = { sourceLang: 'auto', targetLang: 'English' };
    expect(translationProblem(ok)).toBeNull();
    expect(translationProblem({ ...ok, targetLang: ' ' })).toBe('translation.noTarget');
    expect(translationProblem({ ...ok, targetLang: 'AUTO' })).toBe('translation.targetAuto');
    expect(translationProblem({ sourceLang: 'english', targetLang: 'English' })).toBe(
      'translation.sameLanguage',
    );
    expect(translationProblem({ ...ok, terms: [{ source: '西湖', target: '' }] })).toBe(
      'translation.glossaryTerm',
    );
  });

  it('sends trimmed options, leaving out an empty glossary and domain', () => {
    expect(
      translationOptionsWire({ sourceLang: '', targetLang: ' French ', terms: [], domains: '  ' }),
    ).toEqual({ source_lang: 'auto', target_lang: 'French' });
    expect(
      translationOptionsWire({
        sourceLang: 'Chinese',
        targetLang: 'English',
        terms: [{ source: ' 西湖 ', target: ' West Lake ' }],
        domains: ' Travel. ',
      }),
    ).toEqual({
      source_lang: 'Chinese',
      target_lang: 'English',
      terms: [{ source: '西湖', target: 'West Lake' }],
      domains: 'Travel.',
    });
  });

  it('puts translation_options on Qwen-MT bodies only (another model keeps the glossary unsent)', () => {
    const params = { translation: { sourceLang: 'auto', targetLang: 'Japanese' } };
    const messages = [{ role: 'user' as const, content: '西湖' }];
    expect(buildChatBody(describeModel('qwen-mt-lite'), messages, params).translation_options).toEqual({
      source_lang: 'auto',
      target_lang: 'Japanese',
    });
    expect(buildChatBody(describeModel('qwen-plus'), messages, params)).not.toHaveProperty(
      'translation_options',
    );
  });

  it('offers 31 languages, each with a tag for its name in the UI’s language', () => {
    expect(TRANSLATION_LANGUAGES).toHaveLength(31);
    expect(new Set(TRANSLATION_LANGUAGES.map((l) => l.name)).size).toBe(31);
    for (const l of TRANSLATION_LANGUAGES) expect(Intl.getCanonicalLocales(l.tag)).toHaveLength(1);
  });
});
