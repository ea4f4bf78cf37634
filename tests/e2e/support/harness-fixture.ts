// Each e2e test gets its own harness process and data folder; the harness's
// first stdout line (JSON with the URL) is the readiness signal, no sleeps.
import { test as base } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface HarnessProcess {
  url: string;
  dataDir: string;
  /** With harnessArgs ['--odoo-sim']: the URL of the Odoo simulator the harness started. */
  odooUrl: string | null;
  /**
   * A crash and a restart: the harness process is killed (SIGKILL: no shutdown, nothing
   * ended) and started again on the same data folder; answers the new one.
   */
  crashAndRestart(): Promise<HarnessProcess>;
}

interface ReadyLine {
  url: string;
  odooUrl?: string;
}

const projectRoot = path.resolve(import.meta.dirname, '../../..');

/** Data a test can ask to find in its data folder before the harness opens it. */
export type HarnessSeed = 'audit-demo' | null;

function seedDataDir(dataDir: string, seed: HarnessSeed): void {
  if (seed === null) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/support/audit-seed/seed-cli.ts', '--data-dir', dataDir, '--scenario', seed], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function launchHarness(dataDir: string, extraArgs: string[]): Promise<{ child: ChildProcess; ready: ReadyLine }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/harness/cli.ts', '--data-dir', dataDir, ...extraArgs], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`harness exited early (${code})`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as ReadyLine));
  });
  return { child, ready };
}

export const test = base.extend<{ harness: HarnessProcess; harnessArgs: string[]; harnessSeed: HarnessSeed }>({
  harnessArgs: [[], { option: true }],
  harnessSeed: [null, { option: true }],
  harness: async ({ harnessArgs, harnessSeed }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'));
    seedDataDir(dataDir, harnessSeed);
    let current = await launchHarness(dataDir, harnessArgs);
    const processOf = (ready: ReadyLine): HarnessProcess => ({
      url: ready.url,
      dataDir,
      odooUrl: ready.odooUrl ?? null,
      crashAndRestart: async () => {
        const exited = new Promise((resolve) => current.child.once('exit', resolve));
        current.child.kill('SIGKILL');
        await exited;
        current = await launchHarness(dataDir, harnessArgs);
        return processOf(current.ready);
      },
    });
    await use(processOf(current.ready));
    current.child.kill('SIGTERM');
  },
});

export { expect } from '@playwright/test';
