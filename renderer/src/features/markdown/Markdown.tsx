import { memo, useRef } from 'react';
import type { Token } from 'marked';
import { emptyBlockCache, splitBlocks, type BlockCache } from './blocks';
import { renderBlock } from './render-tokens';

/**
 * A finished block renders once: its token object is kept by the block cache, so `memo` skips it on
 * every later chunk of the stream.
 */
const Block = memo(function Block({ token, streaming }: { token: Token; streaming: boolean }) {
  return <>{renderBlock(token, streaming)}</>;
});

/** Model output as Markdown; while `streaming`, only the last block is parsed and rendered again. */
export const Markdown = memo(function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  const cache = useRef<BlockCache>(emptyBlockCache());
  const { blocks, cache: next } = splitBlocks(text, cache.current, !streaming);
  cache.current = next;
  const last = blocks.length - 1;
  return (
    <div className="markdown">
      {blocks.map((token, i) => (
        <Block key={i} token={token} streaming={streaming && i >= last} />
      ))}
    </div>
  );
});
