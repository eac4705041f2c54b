/**
 * marked's tokens as React elements. React escapes every string, and no token is ever turned into
 * markup through innerHTML: raw HTML in model output (`html` tokens) is shown as its literal text,
 * links are followed only after `safeHref`, and images are shown as links (remote images are not
 * loaded; the CSP would refuse them anyway).
 */
import type { ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import type { MathToken } from './blocks';
import { CodeBlock } from './CodeBlock';
import { MathView } from './MathView';
import { safeHref } from './safe-url';
import { withCitations } from './Citation';

type Align = 'center' | 'left' | 'right' | null;
const alignClass = (a: Align) => (a ? `align-${a}` : undefined);

export function renderBlock(token: Token, streaming: boolean, key?: number): ReactNode {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'heading': {
      const t = token as Tokens.Heading;
      const Tag = `h${Math.min(Math.max(t.depth, 1), 6)}` as 'h1';
      return <Tag key={key}>{renderInline(t.tokens)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{renderInline((token as Tokens.Paragraph).tokens)}</p>;
    case 'text': {
      const t = token as Tokens.Text;
      return <p key={key}>{t.tokens ? renderInline(t.tokens) : t.text}</p>;
    }
    case 'code': {
      const t = token as Tokens.Code;
      return <CodeBlock key={key} code={t.text} lang={t.lang} streaming={streaming} />;
    }
    case 'math': {
      const t = token as unknown as MathToken;
      return <MathView key={key} tex={t.text} display />;
    }
    case 'blockquote':
      return (
        <blockquote key={key}>{renderBlocks((token as Tokens.Blockquote).tokens, streaming)}</blockquote>
      );
    case 'hr':
      return <hr key={key} />;
    case 'list':
      return renderList(token as Tokens.List, streaming, key);
    case 'table':
      return renderTable(token as Tokens.Table, key);
    case 'html':
      // Shown as written, never interpreted.
      return (
        <p key={key} className="md-raw">
          {token.raw.replace(/\n+$/, '')}
        </p>
      );
    default:
      return token.raw ? <p key={key}>{token.raw}</p> : null;
  }
}

function renderBlocks(tokens: Token[], streaming: boolean): ReactNode[] {
  return tokens.map((t, i) => renderBlock(t, streaming, i));
}

function renderList(list: Tokens.List, streaming: boolean, key?: number): ReactNode {
  const items = list.items.map((item, i) => {
    const body = item.tokens.filter((t) => t.type !== 'checkbox');
    // A tight list's items hold "text" tokens; they read as inline content, not paragraphs.
    const content = body.map((t, j) =>
      !list.loose && t.type === 'text' ? (
        <span key={j}>
          {(t as Tokens.Text).tokens ? renderInline((t as Tokens.Text).tokens!) : (t as Tokens.Text).text}
        </span>
      ) : (
        renderBlock(t, streaming, j)
      ),
    );
    return (
      <li key={i} className={item.task ? 'task' : undefined}>
        {item.task && <input type="checkbox" checked={!!item.checked} disabled aria-label={item.text} />}
        {content}
      </li>
    );
  });
  if (list.ordered) {
    const start = typeof list.start === 'number' && list.start !== 1 ? list.start : undefined;
    return (
      <ol key={key} start={start}>
        {items}
      </ol>
    );
  }
  return <ul key={key}>{items}</ul>;
}

function renderTable(table: Tokens.Table, key?: number): ReactNode {
  return (
    <div key={key} className="table-scroll">
      <table>
        <thead>
          <tr>
            {table.header.map((cell, i) => (
              <th key={i} className={alignClass(cell.align)}>
                {renderInline(cell.tokens)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i} className={alignClass(cell.align)}>
                  {renderInline(cell.tokens)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function renderInline(tokens: Token[] | undefined): ReactNode[] {
  if (!tokens) return [];
  return tokens.map((token, key) => {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        return t.tokens ? <span key={key}>{renderInline(t.tokens)}</span> : unescapeText(t.text, key);
      }
      case 'escape':
        return (token as Tokens.Escape).text;
      case 'strong':
        return <strong key={key}>{renderInline((token as Tokens.Strong).tokens)}</strong>;
      case 'em':
        return <em key={key}>{renderInline((token as Tokens.Em).tokens)}</em>;
      case 'del':
        return <del key={key}>{renderInline((token as Tokens.Del).tokens)}</del>;
      case 'codespan':
        return <code key={key}>{unescapeEntities((token as Tokens.Codespan).text)}</code>;
      case 'br':
        return <br key={key} />;
      case 'math': {
        const t = token as unknown as MathToken;
        return <MathView key={key} tex={t.text} display={t.display} />;
      }
      case 'link': {
        const t = token as Tokens.Link;
        const href = safeHref(t.href);
        const children = renderInline(t.tokens);
        if (!href) return <span key={key}>{children}</span>;
        return (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer" title={href}>
            {children}
          </a>
        );
      }
      case 'image': {
        const t = token as Tokens.Image;
        const href = safeHref(t.href);
        const label = `🖼 ${t.text || t.href}`;
        if (!href || href.startsWith('mailto:')) return <span key={key}>{label}</span>;
        return (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer" title={href}>
            {label}
          </a>
        );
      }
      case 'html':
        // Inline HTML (<b>, <img onerror=…>, <script>) is shown as its literal text.
        return <span key={key}>{token.raw}</span>;
      default:
        return token.raw;
    }
  });
}

/** marked escapes &, <, >, " and ' in text; React escapes again, so undo marked's escaping. */
const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
function unescapeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);
}
function unescapeText(text: string, key: number): ReactNode {
  return withCitations(unescapeEntities(text), key);
}
