import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { copyText } from './copy-text';
import { cachedHighlight, grammarName, highlight } from './highlight';

/**
 * A fenced code block: language label, "Copy" button, and highlighting once the block is finished
 * (a block still streaming is shown plain, so the grammar does not run on every chunk).
 */
export function CodeBlock({ code, lang, streaming }: { code: string; lang?: string; streaming: boolean }) {
  const t = useT();
  const name = grammarName(lang);
  const [html, setHtml] = useState<string | undefined>(() =>
    name ? cachedHighlight(code, name) : undefined,
  );
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (streaming || !name) return;
    let live = true;
    void highlight(code, name).then((h) => live && setHtml(h ?? undefined));
    return () => {
      live = false;
    };
  }, [code, name, streaming]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const label = lang?.trim() || t('code.plain');
  return (
    <figure className="code-block" data-lang={name ?? undefined}>
      <figcaption>
        <span className="code-lang">{label}</span>
        <button type="button" className="code-copy" onClick={() => void copyText(code).then(setCopied)}>
          {copied ? t('code.copied') : t('code.copy')}
        </button>
      </figcaption>
      <pre>
        {html !== undefined && !streaming ? (
          // highlight.js escapes the code; its output is only <span class="hljs-…"> wrappers.
          <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <code>{code}</code>
        )}
      </pre>
    </figure>
  );
}
