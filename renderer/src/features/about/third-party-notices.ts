/**
 * Issue 12: what Settings' About lists as third-party notices. Every package the app ships (the
 * main process's dependencies and the libraries Vite bundles into the renderer) is here with its
 * licence; a unit test compares the list with package.json, the renderer's imports and each
 * package's own licence field, so a new dependency cannot be left out.
 */
export const APP_LICENSE = 'MIT';

export interface Notice {
  name: string;
  /** The npm package, for the ones installed from npm. */
  package?: string;
  license: string;
  url: string;
}

export const THIRD_PARTY_NOTICES: readonly Notice[] = [
  { name: 'Electron', package: 'electron', license: 'MIT', url: 'https://github.com/electron/electron' },
  { name: 'Chromium', license: 'BSD-3-Clause and others', url: 'https://www.chromium.org/' },
  { name: 'Node.js', license: 'MIT', url: 'https://github.com/nodejs/node' },
  { name: 'SQLite', license: 'Public domain', url: 'https://sqlite.org/copyright.html' },
  {
    name: 'better-sqlite3',
    package: 'better-sqlite3',
    license: 'MIT',
    url: 'https://github.com/WiseLibs/better-sqlite3',
  },
  { name: 'keytar', package: 'keytar', license: 'MIT', url: 'https://github.com/atom/node-keytar' },
  {
    name: 'OpenAI Node SDK',
    package: 'openai',
    license: 'Apache-2.0',
    url: 'https://github.com/openai/openai-node',
  },
  { name: 'undici', package: 'undici', license: 'MIT', url: 'https://github.com/nodejs/undici' },
  { name: 'Zod', package: 'zod', license: 'MIT', url: 'https://github.com/colinhacks/zod' },
  {
    name: 'electron-updater',
    package: 'electron-updater',
    license: 'MIT',
    url: 'https://github.com/electron-userland/electron-builder',
  },
  { name: 'React', package: 'react', license: 'MIT', url: 'https://github.com/facebook/react' },
  { name: 'React DOM', package: 'react-dom', license: 'MIT', url: 'https://github.com/facebook/react' },
  { name: 'Zustand', package: 'zustand', license: 'MIT', url: 'https://github.com/pmndrs/zustand' },
  { name: 'Marked', package: 'marked', license: 'MIT', url: 'https://github.com/markedjs/marked' },
  { name: 'KaTeX', package: 'katex', license: 'MIT', url: 'https://github.com/KaTeX/KaTeX' },
  {
    name: 'highlight.js',
    package: 'highlight.js',
    license: 'BSD-3-Clause',
    url: 'https://github.com/highlightjs/highlight.js',
  },
  {
    name: 'TanStack Virtual',
    package: '@tanstack/react-virtual',
    license: 'MIT',
    url: 'https://github.com/TanStack/virtual',
  },
];
