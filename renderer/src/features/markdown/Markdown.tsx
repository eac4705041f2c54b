import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Token } from 'marked';
import { BlockSplitter } from './blocks';
import { renderBlock } from './render-tokens';
import { SourcesContext, type WebSource } from './Citation';
import { STREAM_REPAINT_MS } from '../../state/delta-batcher';

/**
 * A finished block renders once: its token object is kept by the block cache, so `memo` skips it on
 * every later chunk of the stream.
 */
const Block = memo(function Block({ token, streaming }: { token: Token; streaming: boolean }) {
  return <>{renderBlock(token, streaming)}</>;
});

/** `text`, but while `active` it changes at most once every `ms` (the latest text always lands). */
function useThrottledText(text: string, active: boolean, ms: number): string {
  const [shown, setShown] = useState(text);
  const lastShown = useRef(0);
  useEffect(() => {
    if (!active) return;
    const wait = Math.max(0, lastShown.current + ms - performance.now());
    const timer = setTimeout(() => {
      lastShown.current = performance.now();
      setShown(text);
    }, wait);
    return () => clearTimeout(timer);
  }, [text, active, ms]);
  return active ? shown : text;
}

/** Model output as Markdown; while `streaming`, only the last block is parsed and rendered again. */
export const Markdown = memo(function Markdown({
  text,
  streaming,
  sources,
}: {
  text: string;
  streaming: boolean;
  /** Web-search sources: `[n]` markers become links to them (Citation.tsx). */
  sources?: readonly WebSource[];
}) {
  const shown = useThrottledText(text, streaming, STREAM_REPAINT_MS);
  const [splitter] = useState(() => new BlockSplitter());
  const blocks = useMemo(() => splitter.split(shown, !streaming), [splitter, shown, streaming]);
  const last = blocks.length - 1;
  return (
    <SourcesContext.Provider value={sources ?? null}>
      <div className="markdown">
        {blocks.map((token, i) => (
          <Block key={i} token={token} streaming={streaming && i >= last} />
        ))}
      </div>
    </SourcesContext.Provider>
  );
});
