// Connects and starts an impersonation through the page's bridge, for the real-server
// specs that are about what happens inside the view (impersonate-alice.spec.ts drives
// the screens themselves).
import { expect, type Page } from '@playwright/test';
import type { ConsoleBridge } from '../../../src-preload/contract';
import { realOdoo, TARGET } from './real-odoo';

export async function impersonateAlice(page: Page, reason: string): Promise<void> {
  await impersonateThroughBridge(page, TARGET.login, reason);
}

export async function impersonateThroughBridge(page: Page, targetLogin: string, reason: string): Promise<void> {
  const odoo = realOdoo!;
  const result = await page.evaluate(
    async ({ odoo, login, reason }) => {
      const api = (globalThis as unknown as { consoleApi: ConsoleBridge }).consoleApi;
      const saved = await api.connections.save({ name: 'Real Odoo', url: odoo.url, database: odoo.database, login: odoo.admin.login, password: odoo.admin.password, rememberPassword: false });
      if (!saved.ok) return saved;
      const connected = await api.connections.connect({ id: saved.value.id, password: odoo.admin.password });
      if (!connected.ok) return connected;
      const found = await api.users.search({ query: login });
      if (!found.ok) return found;
      const target = found.value.rows.find((user) => user.login === login)!;
      await api.impersonation.check({ targetId: target.id, reason });
      return api.impersonation.start({ targetId: target.id, reason });
    },
    { odoo, login: targetLogin, reason },
  );
  expect(result).toMatchObject({ ok: true, value: { phase: 'active' } });
}
