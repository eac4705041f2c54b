import { useEffect, useRef } from 'react';
import type katexApi from 'katex';

/**
 * TeX rendered by KaTeX, which is loaded on first use. KaTeX's `render` builds DOM nodes and sets
 * their sizes through the CSSOM (`node.style.height = …`), which the CSP's `style-src 'self'`
 * allows, whereas `renderToString` + innerHTML would need inline `style` attributes the CSP blocks.
 * `trust: false` keeps \href, \url and \html… commands inert. Until KaTeX is loaded, and if the TeX
 * does not parse, the source is shown as text.
 */
type Katex = typeof katexApi;
let katexModule: Promise<Katex> | null = null;
let katexLoaded: Katex | null = null;

function loadKatex(): Promise<Katex> {
  katexModule ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => {
    katexLoaded = m.default;
    return m.default;
  });
  return katexModule;
}

function draw(katex: Katex, el: HTMLElement, tex: string, display: boolean) {
  try {
    katex.render(tex, el, {
      displayMode: display,
      throwOnError: true,
      trust: false,
      maxSize: 50,
      maxExpand: 500,
    });
    el.classList.remove('math-source');
  } catch {
    el.textContent = tex;
    el.classList.add('math-source');
  }
}

export function MathView({ tex, display }: { tex: string; display: boolean }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (katexLoaded) return draw(katexLoaded, el, tex, display);
    el.textContent = tex;
    el.classList.add('math-source');
    let live = true;
    void loadKatex().then((k) => live && draw(k, el, tex, display));
    return () => {
      live = false;
    };
  }, [tex, display]);
  return display ? (
    <div className="math math-display" ref={ref as React.RefObject<HTMLDivElement>} />
  ) : (
    <span className="math math-inline" ref={ref as React.RefObject<HTMLSpanElement>} />
  );
}
