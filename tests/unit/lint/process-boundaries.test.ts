// The lint rules that keep the process boundaries (docs/style.md) really fire: run
// the project's ESLint config on small snippets placed at telling paths.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('process boundaries in lint', () => {
  it('refuses electron outside src-main/shell and the composition root', async () => {
    expect(await problems("import { app } from 'electron';\nexport const a = app;\n", 'src-main/core/sneaky.ts')).toContain('no-restricted-imports');
    expect(await problems("import { app } from 'electron';\nexport const a = app;\n", 'src-main/shell/fine.ts')).toEqual([]);
  });

  it('refuses ipcMain and ipcRenderer outside the two wirings', async () => {
    expect(await problems("import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", 'src-main/shell/tray.ts')).toContain('no-restricted-syntax');
    expect(await problems("import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", 'src-main/shell/ipc-bridge.ts')).toEqual([]);
    expect(await problems("import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", 'src-preload/index.ts')).toEqual([]);
  });

  it('refuses shell.openExternal outside its one wrapper', async () => {
    const code = "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);\n";
    expect(await problems(code, 'src-main/shell/tray.ts')).toContain('no-restricted-syntax');
    expect(await problems(code, 'src-main/shell/open-external.ts')).toEqual([]);
  });
});
