import { useState } from 'react';
import { MAX_GLOSSARY_TERMS, MAX_TERM_CHARS } from '../../../../electron/shared/translation';
import { useT } from '../../i18n';

type Term = { source: string; target: string };

/**
 * The conversation's glossary (Qwen-MT `terms`): pairs of a term and the translation it must get.
 * "Glossary" opens the list; each pair has its own "Remove"; "Add term" adds an empty pair (sending
 * with one left half-filled is refused, with the reason, so nothing typed is dropped silently).
 */
export function GlossaryEditor({ terms, onChange }: { terms: Term[]; onChange: (terms: Term[]) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const set = (i: number, patch: Partial<Term>) =>
    onChange(terms.map((term, j) => (j === i ? { ...term, ...patch } : term)));

  return (
    <div className="glossary">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {terms.length > 0 ? t('translate.glossaryCount', { count: terms.length }) : t('translate.glossary')}
      </button>
      {open && (
        <div className="glossary-terms" role="group" aria-label={t('translate.glossary')}>
          {terms.length === 0 && <p className="hint">{t('translate.glossaryEmpty')}</p>}
          {terms.map((term, i) => (
            <div className="glossary-row" key={i}>
              {(['source', 'target'] as const).map((side) => (
                <input
                  key={side}
                  type="text"
                  aria-label={t(side === 'source' ? 'translate.term' : 'translate.termTarget', { n: i + 1 })}
                  placeholder={t(
                    side === 'source' ? 'translate.termPlaceholder' : 'translate.termTargetPlaceholder',
                  )}
                  maxLength={MAX_TERM_CHARS}
                  value={term[side]}
                  onChange={(e) => set(i, { [side]: e.target.value })}
                />
              ))}
              <button
                type="button"
                className="link-button"
                aria-label={t('translate.removeTerm', { n: i + 1 })}
                onClick={() => onChange(terms.filter((_, j) => j !== i))}
              >
                {t('translate.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            disabled={terms.length >= MAX_GLOSSARY_TERMS}
            onClick={() => onChange([...terms, { source: '', target: '' }])}
          >
            {t('translate.addTerm')}
          </button>
        </div>
      )}
    </div>
  );
}
