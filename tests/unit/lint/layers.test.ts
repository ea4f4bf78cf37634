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

/** `source` imported at `filePath` is refused, for this one reason only. */
async function refusedOnly(source: string, filePath: string, says: string): Promise<void> {
  expect(await refused(source, filePath), `${source} at ${filePath}`).toEqual([expect.stringContaining(says)]);
}

async function accepted(source: string, filePath: string): Promise<void> {
  expect(await refused(source, filePath), `${source} at ${filePath}`).toEqual([]);
}

describe('the layers of main', () => {
  it('refuses an import that runs back up a layer', async () => {
    await refusedOnly('../api', 'src-main/core/sneaky.ts', 'src-main/core may not import src-main/api');
    await refusedOnly('../shell', 'src-main/api/sneaky.ts', 'src-main/api may not import src-main/shell');
    expect(await refused('../app/console', 'src-main/api/sneaky.ts')).toContainEqual(expect.stringContaining('may not import src-main/app'));
    await refusedOnly('../connections', 'src-main/odoo/sneaky.ts', 'may not import src-main/connections');
    await refusedOnly('../../api', 'src-main/core/ports/sneaky.ts', 'may not import src-main/api');
  });

  it('accepts the arrows that point down', async () => {
    await accepted('../core', 'src-main/odoo/fine.ts');
    await accepted('../odoo', 'src-main/connections/fine.ts');
    await accepted('../connections', 'src-main/api/fine.ts');
    await accepted('../api', 'src-main/shell/fine.ts');
    await accepted('../shell', 'src-main/app/fine.ts');
    await accepted('../../src-preload/contract', 'src-main/core/fine.ts');
  });

  it('keeps the Odoo connector and the audit store apart, both ways', async () => {
    await refusedOnly('../audit', 'src-main/odoo/sneaky.ts', 'know nothing of each other');
    await refusedOnly('../odoo', 'src-main/audit/sneaky.ts', 'know nothing of each other');
  });

  it('keeps core free of every I/O module and of the network globals', async () => {
    for (const io of ['node:fs', 'fs', 'node:os', 'better-sqlite3', 'kysely', 'ws', 'undici', 'electron']) {
      expect(await refused(io, 'src-main/core/sneaky.ts'), io).toContainEqual(expect.stringContaining('core stays free of I/O'));
    }
    await refusedOnly('../odoo', 'src-main/core/sneaky.ts', 'may not import src-main/odoo');
    await refusedOnly('../audit', 'src-main/core/sneaky.ts', 'may not import src-main/audit');
    expect(await refusals("export const get = () => fetch('http://odoo');\n", 'src-main/core/sneaky.ts')).toEqual([
      expect.stringContaining('fetch belongs in an adapter'),
    ]);
    await accepted('./clock', 'src-main/core/fine.ts');
    await accepted('node:fs', 'src-main/audit/fine.ts');
  });

  it("refuses a folder's files from outside: only its public face", async () => {
    await refusedOnly('../odoo/odoo-client', 'src-main/api/sneaky.ts', 'public face');
    await refusedOnly('../core/ports/audit-ledger', 'src-main/audit/sneaky.ts', 'public face');
    await accepted('../odoo/index', 'src-main/api/fine.ts');
    await accepted('./odoo-client', 'src-main/odoo/fine.ts');
  });
});

describe('the processes', () => {
  it('refuses anything of src-main in the renderer', async () => {
    await refusedOnly('../../../src-main/core', 'src-renderer/src/stores/sneaky.ts', 'The renderer imports nothing of src-main');
    await refusedOnly('../../src-main/core/clock', 'src-renderer/src/App.tsx', 'The renderer imports nothing of src-main');
  });

  it("keeps each process to its own side of src-preload", async () => {
    await refusedOnly('../../../src-preload/main-handlers', 'src-renderer/src/components/sneaky.ts', "src-preload's main side");
    await refusedOnly('../../src-preload/renderer-invokers', 'src-main/shell/sneaky.ts', "src-preload's renderer side");
    await refusedOnly('../../src-preload/index', 'src-main/app/sneaky.ts', "src-preload's renderer side");
    await refusedOnly('../src-main/core', 'src-preload/sneaky.ts', 'src-preload sits below both processes');
    await accepted('../../../src-preload/renderer-invokers', 'src-renderer/src/components/fine.ts');
    await accepted('../../src-preload/main-handlers', 'src-main/shell/fine.ts');
  });
});

describe('the layers of the renderer', () => {
  it('refuses stores and components that reach up into screens', async () => {
    await refusedOnly('../screens/logs/log-format', 'src-renderer/src/stores/sneaky.ts', "src-renderer's stores may not import screens");
    await refusedOnly('../screens/session/session-panel', 'src-renderer/src/components/sneaky.tsx', "src-renderer's components may not import screens");
    await refusedOnly('../components/ErrorMessage', 'src-renderer/src/stores/sneaky.ts', "src-renderer's stores may not import components");
    await refusedOnly('./stores/session-store', 'src-renderer/src/api.ts', 'may not import stores');
    await refusedOnly('../../App', 'src-renderer/src/screens/logs/sneaky.tsx', 'may not import App');
  });

  it('accepts screens on stores and components, and stores on the api', async () => {
    await accepted('../../stores/logs-store', 'src-renderer/src/screens/logs/fine.tsx');
    await accepted('../../components/ErrorMessage', 'src-renderer/src/screens/logs/fine.tsx');
    await accepted('../api', 'src-renderer/src/stores/fine.ts');
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
