// Lint rules that keep the layers and the process boundaries honest
// (docs/architecture.md): which folder may import which, core free of I/O, the
// connector and the audit store apart, every src-main folder reached through its
// public face (index.ts), the renderer apart from main, Electron only in
// src-main/shell and the composition root, ipcMain/ipcRenderer only where the
// contract helpers are wired, shell.openExternal only in its one wrapper.
// tests/unit/lint/ proves that each rule fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ARCHITECTURE = 'See docs/architecture.md.';

const electronImport = {
  name: 'electron',
  message: 'Electron is imported only in src-main/shell, the composition root (src-main/app/main.ts) and the preload entry.',
};

// ---------------------------------------------------------------- the layers of main
// What each folder of src-main may import besides itself and src-preload's shared
// files. Every arrow points down; anything not listed is refused.
export const MAIN_LAYERS = {
  core: [],
  odoo: ['core'],
  audit: ['core'],
  secrets: ['core'],
  settings: ['core'],
  connections: ['core', 'odoo', 'secrets'],
  api: ['core', 'odoo', 'audit', 'secrets', 'settings', 'connections'],
  shell: ['core', 'secrets', 'api'],
  app: ['core', 'odoo', 'audit', 'secrets', 'settings', 'connections', 'api', 'shell'],
};
/** The folders with a public face (index.ts); app/ is the top and has none. */
const FACED = Object.keys(MAIN_LAYERS).filter((folder) => folder !== 'app');

/** A relative import that lands in src-main/<folder> (from any depth inside src-main). */
const into = (folder) => `^(\\.\\./)+${folder}(/|$)`;

function forbiddenArrow(from, to) {
  const apart = (from === 'odoo' && to === 'audit') || (from === 'audit' && to === 'odoo');
  const message = apart
    ? `The Odoo connector and the audit store know nothing of each other: they meet in core/ports (ServerLogSource, CONSOLE_LOG_NAME). ${ARCHITECTURE}`
    : `src-main/${from} may not import src-main/${to}: its arrows go only to ${MAIN_LAYERS[from].join(', ') || 'nothing else in main'}. ${ARCHITECTURE}`;
  return { regex: into(to), message };
}

const publicFace = {
  regex: `^(\\.\\./)+(${FACED.join('|')})/(?!index$).+`,
  message: `Import another folder of src-main through its public face ('../<folder>', its index.ts), not its files. ${ARCHITECTURE}`,
};

// Core is pure: no package at all (every I/O module — node:*, electron,
// better-sqlite3, kysely, ws, fetch wrappers — is one), only core itself and
// src-preload's shared files.
const coreWithoutIo = {
  regex: '^(?!\\.)',
  message: `core stays free of I/O: no package or node: module (node:fs, better-sqlite3, kysely, electron, fetch wrappers…), only core itself and src-preload's shared files. ${ARCHITECTURE}`,
};
const coreWithoutIoGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
  name,
  message: `core stays free of I/O: ${name} belongs in an adapter (src-main/odoo, src-main/audit, …). ${ARCHITECTURE}`,
}));

// ---------------------------------------------------------------- which process a file runs in
// src-preload: main-*.ts runs in main only, renderer-*.ts on the renderer's side
// only, index.ts is the preload entry (Electron); everything else is shared.
const preloadRendererSide = {
  regex: '(^|/)src-preload/(renderer-[^/]*|index)$',
  message: `Main does not import src-preload's renderer side (renderer-*.ts) or the preload entry (index.ts). See src-preload/README.md.`,
};
const preloadMainSide = {
  regex: '(^|/)src-preload/(main-[^/]*|index)$',
  message: `The renderer does not import src-preload's main side (main-*.ts) or the preload entry (index.ts). See src-preload/README.md.`,
};
const rendererIntoMain = {
  regex: '(^|/)src-main(/|$)',
  message: `The renderer imports nothing of src-main: it talks to main only through the contract (src-preload). ${ARCHITECTURE}`,
};
const preloadIntoProcesses = {
  regex: '(^|/)(src-main|src-renderer)(/|$)',
  message: `src-preload sits below both processes: it imports nothing of src-main or src-renderer. See src-preload/README.md.`,
};

// ---------------------------------------------------------------- the layers of the renderer
// App.tsx and main.tsx (the root) → screens/ → components/ → stores/ → api.ts, i18n/.
// What each part may not import: everything above it.
const RENDERER_ABOVE = {
  'screens/**/*.{ts,tsx}': ['App', 'main'],
  'components/**/*.{ts,tsx}': ['screens', 'App', 'main'],
  'stores/**/*.{ts,tsx}': ['components', 'screens', 'App', 'main'],
  'i18n/**/*.ts': ['stores', 'components', 'screens', 'App', 'main'],
  'api.ts': ['stores', 'components', 'screens', 'App', 'main'],
};
function rendererUpward(from, to) {
  return {
    regex: `^(\\.\\./|\\./)+${to}(/|$|\\.tsx?$)`,
    message: `src-renderer's ${from.split('/')[0]} may not import ${to}: the renderer's arrows go App → screens → components → stores → api, i18n. ${ARCHITECTURE}`,
  };
}

/** One no-restricted-imports setting per file set: flat config replaces a rule's options, it does not merge them. */
function restrictImports(patterns, { electron = false } = {}) {
  return ['error', { paths: electron ? [] : [electronImport], patterns }];
}

function mainLayerPatterns(folder) {
  const refused = Object.keys(MAIN_LAYERS).filter((other) => other !== folder && !MAIN_LAYERS[folder].includes(other));
  return [
    ...(folder === 'core' ? [coreWithoutIo] : []),
    ...refused.map((other) => forbiddenArrow(folder, other)),
    publicFace,
    preloadRendererSide,
  ];
}

const mainLayerConfigs = Object.keys(MAIN_LAYERS).flatMap((folder) => {
  const patterns = mainLayerPatterns(folder);
  const configs = [
    {
      files: [`src-main/${folder}/**/*.ts`],
      rules: { 'no-restricted-imports': restrictImports(patterns, { electron: folder === 'shell' }) },
    },
  ];
  if (folder === 'core') configs[0].rules['no-restricted-globals'] = ['error', ...coreWithoutIoGlobals];
  if (folder === 'app') {
    // The composition root is the one file of app/ that may import Electron.
    configs.push({ files: ['src-main/app/main.ts'], rules: { 'no-restricted-imports': restrictImports(patterns, { electron: true }) } });
  }
  return configs;
});

const rendererLayerConfigs = [
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrictImports([rendererIntoMain, preloadMainSide]) },
  },
  ...Object.entries(RENDERER_ABOVE).map(([files, above]) => ({
    files: [`src-renderer/src/${files}`],
    rules: {
      'no-restricted-imports': restrictImports([rendererIntoMain, preloadMainSide, ...above.map((to) => rendererUpward(files, to))]),
    },
  })),
];

const preloadConfigs = [
  { files: ['src-preload/**/*.ts'], rules: { 'no-restricted-imports': restrictImports([preloadIntoProcesses]) } },
  { files: ['src-preload/index.ts'], rules: { 'no-restricted-imports': restrictImports([preloadIntoProcesses], { electron: true }) } },
];

// ---------------------------------------------------------------- Electron's dangerous calls
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
  ...mainLayerConfigs,
  ...preloadConfigs,
  ...rendererLayerConfigs,
  {
    // Tests that drive Electron itself (or its mock).
    files: ['tests/electron/**/*.ts', 'tests/unit/shell/**/*.ts'],
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
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
