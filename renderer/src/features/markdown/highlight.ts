/**
 * Syntax highlighting, loaded on demand: highlight.js's core and each language's grammar are
 * separate chunks fetched the first time a code block in that language is finished. Results are
 * cached by language and source so a block scrolled back into view paints at once.
 */
import type { HLJSApi, LanguageFn } from 'highlight.js';

type Loader = () => Promise<{ default: LanguageFn }>;

const grammars: Record<string, Loader> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  go: () => import('highlight.js/lib/languages/go'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  latex: () => import('highlight.js/lib/languages/latex'),
  lua: () => import('highlight.js/lib/languages/lua'),
  makefile: () => import('highlight.js/lib/languages/makefile'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  python: () => import('highlight.js/lib/languages/python'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scss: () => import('highlight.js/lib/languages/scss'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

const aliases: Record<string, string> = {
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  'c++': 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  golang: 'go',
  toml: 'ini',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  kt: 'kotlin',
  tex: 'latex',
  md: 'markdown',
  py: 'python',
  rb: 'ruby',
  rs: 'rust',
  ts: 'typescript',
  tsx: 'typescript',
  html: 'xml',
  svg: 'xml',
  vue: 'xml',
  yml: 'yaml',
};

export function grammarName(lang: string | undefined): string | null {
  if (!lang) return null;
  const name = lang.trim().toLowerCase();
  const resolved = aliases[name] ?? name;
  return resolved in grammars ? resolved : null;
}

let core: Promise<HLJSApi> | null = null;
const registered = new Map<string, Promise<void>>();
const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

export function cachedHighlight(code: string, lang: string): string | undefined {
  return cache.get(`${lang}\u0000${code}`);
}

/**
 * The highlighted HTML of `code`, or null when the language is unknown. highlight.js escapes the
 * source text itself; its output holds only `<span class="hljs-…">` elements.
 */
export async function highlight(code: string, lang: string | undefined): Promise<string | null> {
  const name = grammarName(lang);
  if (!name) return null;
  const key = `${name}\u0000${code}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  core ??= import('highlight.js/lib/core').then((m) => m.default);
  const hljs = await core;
  let ready = registered.get(name);
  if (!ready) {
    ready = grammars[name]!().then((m) => hljs.registerLanguage(name, m.default));
    registered.set(name, ready);
  }
  await ready;
  const html = hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
  return html;
}
