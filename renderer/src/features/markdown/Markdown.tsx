import { memo, useMemo, useState } from 'react';
import type { Token } from 'marked';
import { BlockSplitter } from './blocks';
import { renderBlock } from './render-tokens';
import { SourcesContext, type WebSource } from './Citation';

/**
 * A finished block renders once: its token object is kept by the block cache, so `memo` skips it on
 * every later chunk of the stream.
 */
const Block = memo(function Block({ token, streaming }: { token: Token; streaming: boolean }) {
  return <>{renderBlock(token, streaming)}</>;
});

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
  // A streaming answer changes at most once per repaint interval: the store batches its deltas
  // (state/delta-batcher.ts) for this and every other view of the stream.
  const [splitter] = useState(() => new BlockSplitter());
  const blocks = useMemo(() => splitter.split(text, !streaming), [splitter, text, streaming]);
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
