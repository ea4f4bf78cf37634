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
    const { child, ready } = await launchHarness(dataDir, harnessArgs);
    await use({ url: ready.url, dataDir, odooUrl: ready.odooUrl ?? null });
    child.kill('SIGTERM');
  },
});

export { expect } from '@playwright/test';
