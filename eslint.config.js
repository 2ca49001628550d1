// Lint, including the boundaries between the three TypeScript projects:
// - only electron/main and electron/preload may import 'electron';
// - renderer/ never imports electron/ code;
// - shared/ imports neither side, nor Node, nor React.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload import Electron.',
};
const electronDirs = {
  group: ['**/electron/**', '**/electron'],
  message: 'The renderer talks to the core only through the ConsoleApi (renderer/src/api).',
};
const eitherSide = {
  group: [
    '**/electron/**',
    '**/renderer/**',
    'node:*',
    'react',
    'react-dom',
    'ws',
    'better-sqlite3',
  ],
  message: 'shared/ holds contracts for both sides and imports neither.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tools/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['electron/core/**', 'electron/headless/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [electronDirs] }],
    },
  },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [eitherSide] }] },
  },
  {
    files: ['scripts/**', '*.config.*', 'tests/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
