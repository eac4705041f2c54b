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
              // qwen/params and qwen/models: the engine's parameter rules and catalog (pure), so the UI
              // refuses what the engine would; qwen/vision and attachments/image-header (issue 10):
              // the image rules and header reader main checks with, pure too.
              regex:
                '^(\\.\\./)+electron/(?!contract$|qwen/params$|qwen/models$|qwen/vision$|attachments/image-header$)',
              message:
                'The renderer imports nothing from electron/ but the contract and the parameter rules.',
            },
          ],
        },
      ],
    },
  },
);
