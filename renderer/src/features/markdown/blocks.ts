/**
 * Splits Markdown into top-level blocks with marked's lexer, incrementally: while an answer streams,
 * every block but the last is finished and keeps its token object (so its rendering is memoized and
 * never redone); only the text from the start of the last block is lexed again on each chunk.
 */
import { Marked, type Token, type TokenizerExtension } from 'marked';

export interface MathToken {
  type: 'math';
  raw: string;
  text: string;
  display: boolean;
}

/** `$$ … $$` and `\[ … \]` blocks. An unclosed one runs to the end (it is still streaming). */
const blockMath: TokenizerExtension = {
  name: 'blockMath',
  level: 'block',
  start: (src) => /^ {0,3}(\$\$|\\\[)/m.exec(src)?.index,
  tokenizer(src) {
    const m =
      /^ {0,3}(?:\$\$([\s\S]*?)(?:\$\$|(?![\s\S]))|\\\[([\s\S]*?)(?:\\\]|(?![\s\S])))[^\n]*(?:\n|$)/.exec(
        src,
      );
    if (!m) return undefined;
    return { type: 'math', raw: m[0], text: (m[1] ?? m[2] ?? '').trim(), display: true } as MathToken;
  },
};

/** `$…$` (not a price: no space inside the dollars, no digit right after) and `\( … \)`. */
const inlineMath: TokenizerExtension = {
  name: 'inlineMath',
  level: 'inline',
  start: (src) => /\$|\\\(/.exec(src)?.index,
  tokenizer(src) {
    const m = /^(?:\$\$([^$]+?)\$\$|\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)|\\\(([\s\S]+?)\\\))/.exec(src);
    if (!m) return undefined;
    const display = m[1] !== undefined;
    return { type: 'math', raw: m[0], text: (m[1] ?? m[2] ?? m[3] ?? '').trim(), display } as MathToken;
  },
};

const marked = new Marked({ gfm: true, breaks: false, extensions: [blockMath, inlineMath] });

export function lexMarkdown(text: string): Token[] {
  return marked.lexer(text);
}

export interface BlockCache {
  /** The finished blocks and the length of the source they cover. */
  stable: Token[];
  stableLength: number;
  stablePrefix: string;
}

export const emptyBlockCache = (): BlockCache => ({ stable: [], stableLength: 0, stablePrefix: '' });

/**
 * The blocks of `text`: the cached finished ones, then the tail lexed afresh. When `final` is true
 * (the answer is complete) every block counts as finished. If the text does not extend the cached
 * prefix (an edit, a branch switch) the cache starts over.
 */
export function splitBlocks(
  text: string,
  cache: BlockCache,
  final: boolean,
): { blocks: Token[]; cache: BlockCache } {
  let c = cache;
  if (text.length < c.stableLength || !text.startsWith(c.stablePrefix)) c = emptyBlockCache();
  const tail = lexMarkdown(text.slice(c.stableLength));
  // The last non-blank block may still grow; blank tokens after it belong to it. That holds for a
  // final text too: Continue appends to a finished answer, and its first words may extend the last
  // paragraph, so the cache never freezes the last block.
  let cut = 0;
  for (let i = tail.length - 1; i >= 0; i--) {
    if (tail[i]!.type !== 'space') {
      cut = i;
      break;
    }
  }
  if (final || cut === 0) return { blocks: [...c.stable, ...tail], cache: cutCache(text, c, tail, cut) };
  const next = cutCache(text, c, tail, cut);
  return { blocks: [...next.stable, ...tail.slice(cut)], cache: next };
}

/** The cache extended by the blocks before `cut` (the finished ones). */
function cutCache(text: string, c: BlockCache, tail: Token[], cut: number): BlockCache {
  if (cut === 0) return c;
  const finished = detached(tail.slice(0, cut));
  const length = c.stableLength + finished.reduce((n, t) => n + t.raw.length, 0);
  return {
    stable: [...c.stable, ...finished],
    stableLength: length,
    stablePrefix: text.slice(0, length),
  };
}

/**
 * Finished blocks' tokens, lexed again from a copy of their own source. marked's strings are slices
 * of the text it lexed, and a slice keeps that whole string alive: kept as they are, the blocks of
 * a streamed answer would each hold the full text as it was when they finished (for a 36k-character
 * answer, megabytes of copies). The same tokens as before, or these if the copy lexes otherwise.
 */
function detached(finished: Token[]): Token[] {
  const copy = JSON.parse(JSON.stringify(finished.map((t) => t.raw).join(''))) as string;
  const again = lexMarkdown(copy);
  const same =
    again.length === finished.length &&
    again.every((t, i) => t.type === finished[i]!.type && t.raw === finished[i]!.raw);
  return same ? again : finished;
}

/** One message's splitter: keeps its block cache between calls. */
export class BlockSplitter {
  private cache = emptyBlockCache();
  split(text: string, final: boolean): Token[] {
    const r = splitBlocks(text, this.cache, final);
    this.cache = r.cache;
    return r.blocks;
  }
}
