import { useT } from '../../i18n';
import type { WebSource } from '../markdown/Citation';
import { safeHref } from '../markdown/safe-url';

/**
 * The region "Sources" under an answer that searched the web (native protocol): site name, title
 * and link of each source, numbered as the answer cites them. Links open in the system browser
 * after the usual validation; the sites' icons are remote images and are not loaded.
 */
export function SourcesList({ sources }: { sources: readonly WebSource[] }) {
  const t = useT();
  return (
    <section className="sources" role="region" aria-label={t('sources.label')}>
      <h3 className="sources-title">{t('sources.label')}</h3>
      <ol>
        {sources.map((s) => {
          const href = safeHref(s.url);
          return (
            <li key={s.index} value={s.index}>
              {s.siteName && <span className="source-site">{s.siteName}</span>}
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
                  {s.title || href}
                </a>
              ) : (
                <span>{s.title || s.url}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
