// Lint rules that keep the process boundaries honest (style.md): Electron only in
// src-main/shell and the composition root, ipcMain/ipcRenderer only where the
// contract helpers are wired, shell.openExternal only in its one wrapper.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronImport = {
  name: 'electron',
  message: 'Electron is imported only in src-main/shell, the composition root (src-main/app/main.ts) and the preload entry.',
};

const ipcSelectors = [
  {
    selector: "ImportSpecifier[imported.name=/^(ipcMain|ipcRenderer)$/]",
    message: 'ipcMain/ipcRenderer are wired only in src-main/shell/ipc-bridge.ts and src-preload/index.ts; use the contract helpers.',
  },
  {
    selector: "MemberExpression[property.name=/^(ipcMain|ipcRenderer)$/]",
    message: 'ipcMain/ipcRenderer are wired only in src-main/shell/ipc-bridge.ts and src-preload/index.ts; use the contract helpers.',
  },
];

const openExternalSelector = {
  selector: "MemberExpression[property.name='openExternal']",
  message: 'shell.openExternal is called only from src-main/shell/open-external.ts.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-harness/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronImport] }],
      'no-restricted-syntax': ['error', ...ipcSelectors, openExternalSelector],
    },
  },
  {
    // Where Electron belongs.
    files: ['src-main/shell/**/*.ts', 'src-main/app/main.ts', 'src-preload/index.ts', 'tests/electron/**/*.ts', 'tests/unit/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Where ipcMain/ipcRenderer are handed to the contract helpers.
    files: ['src-main/shell/ipc-bridge.ts', 'src-preload/index.ts', 'tests/unit/shell/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', openExternalSelector] },
  },
  {
    files: ['src-main/shell/open-external.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ipcSelectors] },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'tests/support/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
