// No import circle in main, the renderer or the contract between them (including
// type-only imports: a circle of types is still two files that cannot be read
// apart). The finder is shown to find one first, on a small tree made for it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCircles, importGraph } from '../../support/import-graph/import-graph';

const root = process.cwd();
const relative = (circles: string[][], base: string) => circles.map((circle) => circle.map((file) => path.relative(base, file)));

describe('import circles', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'import-circles-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('are found, through type-only imports, re-exports and folder faces too', () => {
    mkdirSync(path.join(scratch, 'core'));
    writeFileSync(path.join(scratch, 'core', 'gate.ts'), "import type { Request } from './approvals';\nexport type Gate = Request;\n");
    writeFileSync(path.join(scratch, 'core', 'approvals.ts'), "export { type Gate as Request } from './gate';\n");
    writeFileSync(path.join(scratch, 'core', 'index.ts'), "export * from './gate';\n");
    writeFileSync(path.join(scratch, 'odoo.ts'), "import type { Gate } from './core';\nimport data from './data.json';\nexport type X = Gate;\nexport const d = data;\n");
    writeFileSync(path.join(scratch, 'self.ts'), "export * from './self';\n");
    writeFileSync(path.join(scratch, 'line-a.ts'), "import './line-b';\n");
    writeFileSync(path.join(scratch, 'line-b.ts'), "export const b = import('./odoo');\n");
    expect(relative(importCircles(importGraph([scratch])), scratch).sort()).toEqual([
      [path.join('core', 'approvals.ts'), path.join('core', 'gate.ts')],
      ['self.ts'],
    ]);
  });

  it.each(['src-main', 'src-renderer', 'src-preload'])('are none in %s', (dir) => {
    const graph = importGraph([path.join(root, dir)]);
    expect(graph.size).toBeGreaterThan(5);
    expect(relative(importCircles(graph), root)).toEqual([]);
  });
});
