import type { TranslationOptions } from '../../../../electron/contract';
import {
  AUTO_DETECT,
  DEFAULT_TRANSLATION,
  isTranslationModel,
  TRANSLATION_LANGUAGES,
} from '../../../../electron/shared/translation';
import { useLocale, useT } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { GlossaryEditor } from './GlossaryEditor';
import { languageName } from './language-names';

/**
 * Issue 14, item 4: the Translate controls, shown while a Qwen-MT model is chosen: "From" (with
 * automatic detection), "To", the glossary and the domain hint. They are the conversation's
 * parameters (`translation`), so they are kept with it like its other settings.
 */
export function TranslateControls({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const model = useChatStore((s) => s.model);
  const params = useChatStore((s) => s.params);
  const setSettings = useChatStore((s) => s.setSettings);
  if (!isTranslationModel(model)) return null;
  const options = params.translation ?? DEFAULT_TRANSLATION;
  const change = (patch: Partial<TranslationOptions>) =>
    setSettings({ params: { ...params, translation: { ...options, ...patch } } });
  const languages = TRANSLATION_LANGUAGES.map((l) => (
    <option key={l.name} value={l.name}>
      {languageName(l.name, locale)}
    </option>
  ));

  return (
    <div
      className={`translate-controls${compact ? ' compact' : ''}`}
      role="group"
      aria-label={t('translate.group')}
    >
      <label>
        <span>{t('translate.from')}</span>
        <select
          aria-label={t('translate.from')}
          value={options.sourceLang || AUTO_DETECT}
          onChange={(e) => change({ sourceLang: e.target.value })}
        >
          <option value={AUTO_DETECT}>{t('translate.detect')}</option>
          {languages}
        </select>
      </label>
      <button
        type="button"
        className="icon-button translate-swap"
        aria-label={t('translate.swap')}
        title={t('translate.swap')}
        disabled={options.sourceLang === AUTO_DETECT || !options.sourceLang}
        onClick={() => change({ sourceLang: options.targetLang, targetLang: options.sourceLang })}
      >
        ⇄
      </button>
      <label>
        <span>{t('translate.to')}</span>
        <select
          aria-label={t('translate.to')}
          value={options.targetLang}
          onChange={(e) => change({ targetLang: e.target.value })}
        >
          {languages}
        </select>
      </label>
      <GlossaryEditor terms={options.terms ?? []} onChange={(terms) => change({ terms })} />
      {!compact && (
        <label className="translate-domain">
          <span>{t('translate.domain')}</span>
          <input
            type="text"
            aria-label={t('translate.domain')}
            placeholder={t('translate.domainPlaceholder')}
            maxLength={1000}
            value={options.domains ?? ''}
            onChange={(e) => change({ domains: e.target.value })}
          />
        </label>
      )}
    </div>
  );
}
