import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only electron/ipc/ipc-main.ts and electron/preload.ts may touch raw IPC; use the contract.',
};
const noElectron = {
  name: 'electron',
  message:
    'This folder is Electron-free (it runs and is tested in plain Node). Only main.ts, preload.ts, ipc/ and windows/ import electron.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
    },
  },
  // Electron-free parts of the main side.
  {
    files: [
      'electron/core/**',
      'electron/qwen/**',
      'electron/history/**',
      'electron/secrets/**',
      'electron/browser-mode/**',
      'electron/security/**',
      'electron/contract.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  // The shared part (issue 13): the catalog, parameter rules, prices, cache marks, error and clock
  // helpers, which both the engine and the renderer import. No Node, no Electron, no DOM, and
  // nothing from the main side's folders.
  {
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { regex: '^node:', message: 'electron/shared/ runs in the renderer too: no Node modules.' },
            {
              regex: '^(fs|path|os|http|https|net|crypto|child_process|url|stream|util|zlib|events|buffer)$',
              message: 'electron/shared/ runs in the renderer too: no Node modules.',
            },
            {
              regex:
                '^\\.\\./(core|qwen|history|secrets|security|settings|browser-mode|ipc|windows|shell|logging)/',
              message: 'electron/shared/ imports only the contract and itself.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'window', 'document', 'navigator', 'localStorage'].map(
          (name) => ({
            name,
            message: 'electron/shared/ has no Node or DOM globals.',
          }),
        ),
      ],
    },
  },
  // The two files allowed raw IPC.
  {
    files: ['electron/ipc/ipc-main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // The renderer: browser globals, React hooks rules, and no reach into the main side but the contract.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer never imports electron; use window.qwen via src/api.',
            },
          ],
          patterns: [
            {
              // electron/shared/: the engine's catalog, parameter rules, prices, the link schemes both
              // sides follow and the sensitive-content check (pure), so the UI refuses, prices and
              // checks as main does; shell/accelerator and shell/launch-args (issue 11, pure):
              // Settings records a shortcut, and the quick page cleans a pre-fill, as the shell does.
              regex: '^(\\.\\./)+electron/(?!contract$|shared/|shell/accelerator$|shell/launch-args$)',
              message:
                'The renderer imports nothing from electron/ but the contract, electron/shared/ and the pure shell modules listed here.',
            },
          ],
        },
      ],
    },
  },
);
