// The lint rules that keep the layers (docs/architecture.md) really fire: run the
// project's ESLint config on one-line imports placed at telling paths, and show
// that the same import is accepted where the arrow is allowed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of no-restricted-imports / no-restricted-globals for `code` linted as `filePath`. */
async function refusals(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-globals')
    .map((message) => message.message);
}

const importing = (source: string) => `import { thing } from '${source}';\nexport const used = thing;\n`;

async function refused(source: string, filePath: string): Promise<string[]> {
  return refusals(importing(source), filePath);
}

describe('the layers of main', () => {
  it('refuses an import that runs back up a layer', async () => {
    expect(await refused('../api', 'src-main/core/sneaky.ts')).toEqual([expect.stringContaining('src-main/core may not import src-main/api')]);
    expect(await refused('../shell', 'src-main/api/sneaky.ts')).toEqual([expect.stringContaining('src-main/api may not import src-main/shell')]);
    expect(await refused('../app/console', 'src-main/api/sneaky.ts')).toContainEqual(expect.stringContaining('may not import src-main/app'));
    expect(await refused('../connections', 'src-main/odoo/sneaky.ts')).toEqual([expect.stringContaining('may not import src-main/connections')]);
    expect(await refused('../../api', 'src-main/core/ports/sneaky.ts')).toEqual([expect.stringContaining('may not import src-main/api')]);
  });

  it('accepts the arrows that point down', async () => {
    expect(await refused('../core', 'src-main/odoo/fine.ts')).toEqual([]);
    expect(await refused('../odoo', 'src-main/connections/fine.ts')).toEqual([]);
    expect(await refused('../connections', 'src-main/api/fine.ts')).toEqual([]);
    expect(await refused('../api', 'src-main/shell/fine.ts')).toEqual([]);
    expect(await refused('../shell', 'src-main/app/fine.ts')).toEqual([]);
    expect(await refused('../../src-preload/contract', 'src-main/core/fine.ts')).toEqual([]);
  });

  it('keeps the Odoo connector and the audit store apart, both ways', async () => {
    expect(await refused('../audit', 'src-main/odoo/sneaky.ts')).toEqual([expect.stringContaining('know nothing of each other')]);
    expect(await refused('../odoo', 'src-main/audit/sneaky.ts')).toEqual([expect.stringContaining('know nothing of each other')]);
  });

  it('keeps core free of every I/O module and of the network globals', async () => {
    for (const io of ['node:fs', 'fs', 'node:os', 'better-sqlite3', 'kysely', 'ws', 'undici', 'electron']) {
      expect(await refused(io, 'src-main/core/sneaky.ts'), io).toContainEqual(expect.stringContaining('core stays free of I/O'));
    }
    expect(await refused('../odoo', 'src-main/core/sneaky.ts')).toEqual([expect.stringContaining('may not import src-main/odoo')]);
    expect(await refused('../audit', 'src-main/core/sneaky.ts')).toEqual([expect.stringContaining('may not import src-main/audit')]);
    expect(await refusals("export const get = () => fetch('http://odoo');\n", 'src-main/core/sneaky.ts')).toEqual([
      expect.stringContaining('fetch belongs in an adapter'),
    ]);
    expect(await refused('./clock', 'src-main/core/fine.ts')).toEqual([]);
    expect(await refused('node:fs', 'src-main/audit/fine.ts')).toEqual([]);
  });

  it("refuses a folder's files from outside: only its public face", async () => {
    expect(await refused('../odoo/odoo-client', 'src-main/api/sneaky.ts')).toEqual([expect.stringContaining('public face')]);
    expect(await refused('../core/ports/audit-ledger', 'src-main/audit/sneaky.ts')).toEqual([expect.stringContaining('public face')]);
    expect(await refused('../odoo/index', 'src-main/api/fine.ts')).toEqual([]);
    expect(await refused('./odoo-client', 'src-main/odoo/fine.ts')).toEqual([]);
  });
});

describe('the processes', () => {
  it('refuses anything of src-main in the renderer', async () => {
    expect(await refused('../../../src-main/core', 'src-renderer/src/stores/sneaky.ts')).toEqual([
      expect.stringContaining('The renderer imports nothing of src-main'),
    ]);
    expect(await refused('../../src-main/core/clock', 'src-renderer/src/App.tsx')).toEqual([
      expect.stringContaining('The renderer imports nothing of src-main'),
    ]);
  });

  it("keeps each process to its own side of src-preload", async () => {
    expect(await refused('../../../src-preload/main-handlers', 'src-renderer/src/components/sneaky.ts')).toEqual([
      expect.stringContaining("src-preload's main side"),
    ]);
    expect(await refused('../../src-preload/renderer-invokers', 'src-main/shell/sneaky.ts')).toEqual([
      expect.stringContaining("src-preload's renderer side"),
    ]);
    expect(await refused('../../src-preload/index', 'src-main/app/sneaky.ts')).toEqual([expect.stringContaining("src-preload's renderer side")]);
    expect(await refused('../src-main/core', 'src-preload/sneaky.ts')).toEqual([expect.stringContaining('src-preload sits below both processes')]);
    expect(await refused('../../../src-preload/renderer-invokers', 'src-renderer/src/components/fine.ts')).toEqual([]);
    expect(await refused('../../src-preload/main-handlers', 'src-main/shell/fine.ts')).toEqual([]);
  });
});

describe('the layers of the renderer', () => {
  it('refuses stores and components that reach up into screens', async () => {
    expect(await refused('../screens/logs/log-format', 'src-renderer/src/stores/sneaky.ts')).toEqual([
      expect.stringContaining("src-renderer's stores may not import screens"),
    ]);
    expect(await refused('../screens/session/session-panel', 'src-renderer/src/components/sneaky.tsx')).toEqual([
      expect.stringContaining("src-renderer's components may not import screens"),
    ]);
    expect(await refused('../components/ErrorMessage', 'src-renderer/src/stores/sneaky.ts')).toEqual([
      expect.stringContaining("src-renderer's stores may not import components"),
    ]);
    expect(await refused('./stores/session-store', 'src-renderer/src/api.ts')).toEqual([expect.stringContaining('may not import stores')]);
    expect(await refused('../../App', 'src-renderer/src/screens/logs/sneaky.tsx')).toEqual([expect.stringContaining('may not import App')]);
  });

  it('accepts screens on stores and components, and stores on the api', async () => {
    expect(await refused('../../stores/logs-store', 'src-renderer/src/screens/logs/fine.tsx')).toEqual([]);
    expect(await refused('../../components/ErrorMessage', 'src-renderer/src/screens/logs/fine.tsx')).toEqual([]);
    expect(await refused('../api', 'src-renderer/src/stores/fine.ts')).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  it("shows the same arrows as the lint's table", async () => {
    const config = pathToFileURL(path.join(process.cwd(), 'eslint.config.js')).href;
    const { MAIN_LAYERS } = (await import(config)) as { MAIN_LAYERS: Record<string, string[]> };
    const doc = readFileSync(path.join(process.cwd(), 'docs/architecture.md'), 'utf8');
    const table = doc.slice(doc.indexOf('| folder | may import'));
    const documented: Record<string, string[]> = {};
    for (const row of table.split('\n').slice(2)) {
      if (!row.startsWith('|')) break;
      const [folders = '', allowed = ''] = row.split('|').slice(1, 3);
      const targets = allowed.trim() === 'everything' ? Object.keys(MAIN_LAYERS).filter((f) => f !== 'app') : [...allowed.matchAll(/`(\w+)`/g)].map((m) => m[1]!);
      for (const [, folder] of folders.matchAll(/`(\w+)\/`/g)) documented[folder!] = targets.sort();
    }
    const inLint = Object.fromEntries(Object.entries(MAIN_LAYERS).map(([folder, allowed]) => [folder, [...allowed].sort()]));
    expect(documented).toEqual(inLint);
  });
});
