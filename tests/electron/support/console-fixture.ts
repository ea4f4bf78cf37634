// A test gets the Odoo simulator, started in the test process, and the desktop
// app launched against it (CONSOLE_DEMO_ODOO_URL: the composition root connects
// to it as admin/admin when not packaged), in a user-data folder of its own.
import { expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { startOdooSim, type OdooSim } from '../../support/odoo-sim';
import { label } from './labels';
import { launchConsole, newUserDataDir } from './launch';

export interface ConsoleRun {
  app: ElectronApplication;
  /** The console's own window. */
  page: Page;
  userDataDir: string;
}

export const test = base.extend<{ sim: OdooSim; consoleRun: ConsoleRun }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  sim: async ({}, use) => {
    const sim = await startOdooSim({ hashDelayMs: 0 });
    await use(sim);
    await sim.close();
  },
  consoleRun: async ({ sim }, use) => {
    const userDataDir = newUserDataDir();
    const app = await launchConsole({ env: { CONSOLE_DEMO_ODOO_URL: sim.url }, userDataDir });
    const page = await app.firstWindow();
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await use({ app, page, userDataDir });
    if (isRunning(app)) await app.close();
  },
});

export { expect };

export function isRunning(app: ElectronApplication): boolean {
  const process = app.process();
  return process.exitCode === null && process.signalCode === null;
}

/** Resolves once main reports the demo connection up (it connects in the background at start). */
export async function waitForDemoConnection(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate('window.consoleApi.connections.status()'), { timeout: 20_000 })
    .toMatchObject({ ok: true, value: { connected: true } });
}

/** Users → Impersonate Alice Anderson → reason → Confirm, as the user does it. */
export async function impersonateAlice(page: Page, reason: string): Promise<void> {
  await waitForDemoConnection(page);
  await page.getByRole('navigation').getByRole('button', { name: label('app.nav.users'), exact: true }).click();
  const impersonate = page.getByRole('button', { name: label('users.impersonateNamed', { name: 'Alice Anderson' }) });
  await expect(impersonate).toBeEnabled();
  await impersonate.click();
  const dialog = page.getByRole('dialog', { name: label('reason.title', { name: 'Alice Anderson' }) });
  await dialog.getByLabel(label('reason.label')).fill(reason);
  await dialog.getByRole('button', { name: label('reason.confirm') }).click();
  await expect(dialog).toHaveCount(0);
}

/** The banner of the running session on the Session screen. */
export function sessionBanner(page: Page) {
  return page.getByRole('region', { name: label('session.banner.label') });
}
