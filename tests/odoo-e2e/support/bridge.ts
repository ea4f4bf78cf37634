// Connects and starts an impersonation through the page's bridge, for the real-server
// specs that are about what happens inside the view (impersonate-alice.spec.ts drives
// the screens themselves).
import type { Page } from '@playwright/test';
import { startThroughBridge } from '../../support/bridge-start';
import { realOdoo, TARGET } from './real-odoo';

export async function impersonateAlice(page: Page, reason: string): Promise<void> {
  await impersonateThroughBridge(page, TARGET.login, reason);
}

export async function impersonateThroughBridge(page: Page, targetLogin: string, reason: string): Promise<void> {
  const odoo = realOdoo!;
  const server = { name: 'Real Odoo', url: odoo.url, database: odoo.database, login: odoo.admin.login, password: odoo.admin.password };
  await startThroughBridge(page, { server, targetLogin, reason });
}
