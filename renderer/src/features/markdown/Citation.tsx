/**
 * Web-search citations (issue 13): DashScope's native protocol marks cited sentences with `[n]`
 * (or `[ref_n]`), n being a source's index. Inside an answer that has sources, such a marker
 * becomes a superscript link named "Source n" to that source (validated like every link); without
 * a matching source it stays the text it was.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Usage } from '../../../../electron/contract';
import { useT } from '../../i18n';
import { safeHref } from './safe-url';

export type WebSource = NonNullable<Usage['search']>['sources'][number];

export const SourcesContext = createContext<readonly WebSource[] | null>(null);

const MARKER = /\[(?:ref_)?(\d{1,3})\]/g;

function Citation({ index, raw }: { index: number; raw: string }) {
  const t = useT();
  const sources = useContext(SourcesContext);
  const source = sources?.find((s) => s.index === index);
  const href = source ? safeHref(source.url) : null;
  if (!href) return <>{raw}</>;
  return (
    <sup className="citation">
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={t('sources.citation', { n: index })}
        title={source!.title || href}
      >
        {index}
      </a>
    </sup>
  );
}

/** Text with its citation markers as Citation elements (text without `[` is returned as is). */
export function withCitations(text: string, key: number): ReactNode {
  if (!text.includes('[')) return <span key={key}>{text}</span>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(<Citation key={match.index} index={Number(match[1])} raw={match[0]} />);
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return <span key={key}>{text}</span>;
  if (last < text.length) parts.push(text.slice(last));
  return <span key={key}>{parts}</span>;
}
