// The product's main flow against a real Odoo (issue 10.5, issue 16.1), in real
// Chromium through the harness: connect on the Connect screen, pick Alice with a
// reason, see the real web client run as her inside the orange frame, open two of her
// menus, Stop — then ask the server itself that her session is gone, the module's
// log row is closed and the console's start and end entries are in ir.logging, and
// find the session on the Logs screen. English and Spanish on 18, English on 17 and
// 19. A screenshot of each step lands in test-results/screenshots/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/support/harness-fixture';
import { expectViewOver } from '../e2e/support/harness-view';
import { translator, type Language } from '../e2e/support/locale-text';
import { languages, NO_SERVER, realOdoo, ServerAsAdmin, TARGET, uniqueReason, version, type RealOdoo } from './support/real-odoo';
import { chooseLanguage } from './support/console-ui';
import { odooView, openApp, userMenuName, waitForWebClient } from './support/webclient';

test.skip(realOdoo === null, NO_SERVER);
test.use({ harnessArgs: ['--expose-session-cookie'] });
test.setTimeout(240_000);


function shooter(page: Page, language: Language) {
  let step = 0;
  return (name: string) => page.screenshot({ path: `test-results/screenshots/odoo-${version}-${language}-${++step}-${name}.png` });
}

/** The Connect screen's form: the real server does not list its databases, so the name is typed. */
async function connect(page: Page, t: ReturnType<typeof translator>, odoo: RealOdoo): Promise<void> {
  const main = page.getByRole('main');
  await main.getByLabel(t('connect.form.name'), { exact: true }).fill(`Odoo ${version}`);
  await main.getByLabel(t('connect.form.url')).fill(odoo.url);
  await expect(main.getByText(t('connect.form.databaseTyped'))).toBeVisible();
  await main.getByRole('textbox', { name: t('connect.form.database') }).fill(odoo.database);
  await main.getByLabel(t('connect.form.login'), { exact: true }).fill(odoo.admin.login);
  await main.getByLabel(t('connect.form.password'), { exact: true }).fill(odoo.admin.password);
  await main.getByRole('button', { name: t('connect.form.save') }).click();
  await main.getByRole('button', { name: t('connect.panel.test') }).click();
  await expect(main.getByRole('heading', { name: t('connect.report.ok.test') })).toBeVisible({ timeout: 30_000 });
  await main.getByRole('button', { name: t('connect.panel.connect'), exact: true }).click();
  await expect(main.getByRole('heading', { name: t('connect.report.ok.connect') })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(t('connect.status.connectedAs', { name: `Odoo ${version}`, login: odoo.admin.login }))).toBeVisible();
}

for (const language of languages) {
  test(`Odoo ${version}: impersonates alice in the real web client inside the frame, stops, and the server agrees (${language})`, async ({ page, harness }) => {
    const odoo = realOdoo!;
    const t = translator(language);
    const shot = shooter(page, language);
    const reason = uniqueReason(language);
    const server = await ServerAsAdmin.open(odoo);
    try {
      expect(await server.majorVersion(), 'ODOO_E2E_VERSION names the server it runs against').toBe(version);
      const alice = await server.target();
      const lastRowBefore = await server.lastLogRowId();

      await page.goto(harness.url);
      await expect(page.locator('body[data-ready="true"]')).toBeAttached();
      await chooseLanguage(page, language);
      await connect(page, t, odoo);
      await shot('connected');

      // Users → Alice → a reason → confirm.
      await page.getByRole('main').getByRole('button', { name: t('connect.panel.toUsers') }).click();
      await page.getByLabel(t('users.search.label')).fill(TARGET.login);
      await page.getByRole('button', { name: t('users.impersonateNamed', { name: TARGET.name }) }).click();
      const dialog = page.getByRole('dialog', { name: t('reason.title', { name: TARGET.name }) });
      await dialog.getByLabel(t('reason.label')).fill(reason);
      await shot('reason');
      await dialog.getByRole('button', { name: t('reason.confirm') }).click();

      // The real web client, as Alice, inside the orange frame.
      const banner = page.getByRole('region', { name: t('session.banner.label') });
      await expect(banner.getByRole('heading', { name: t('session.banner.impersonating', { name: TARGET.name, login: TARGET.login }) })).toBeVisible({ timeout: 60_000 });
      const view = odooView(page);
      await waitForWebClient(view);
      await expect(userMenuName(view)).toContainText(TARGET.name);
      const area = page.getByRole('region', { name: t('session.view.label', { name: TARGET.name }) });
      await expectViewOver(page, area);
      await shot('odoo-as-alice');

      const cookieFile = path.join(harness.dataDir, 'test-only-session-cookie.txt');
      expect(existsSync(cookieFile)).toBe(true);
      const sessionId = readFileSync(cookieFile, 'utf8').trim();
      expect(await server.sessionUid(sessionId), 'the server says the session is alice').toBe(alice.id);

      for (const menu of ['Discuss', 'Apps'] as const) {
        await openApp(view, menu);
        await shot(`menu-${menu.toLowerCase()}`);
      }

      // Stop, from the banner.
      await banner.getByRole('button', { name: t('session.banner.stop'), exact: true }).click();
      await expect(page.getByRole('heading', { name: t('session.ended.title') })).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('harness-view')).toHaveCount(0);
      await shot('stopped');

      // The server's word: the session is gone, the module's row is closed, both entries are there.
      expect(await server.sessionUid(sessionId), 'the impersonated session is destroyed').toBeNull();
      const rows = await server.logRowsSince(lastRowBefore, alice.partnerId);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.date_end, 'impersonate.log row closed').not.toBe(false);
      const entries = await server.consoleEntries(reason);
      expect(entries.map((entry) => entry.func)).toEqual(['start', 'end']);
      const [start, end] = entries.map((entry) => JSON.parse(String(entry.message)) as { sessionIdentifier: string; endCause?: string; target: { login: string } });
      expect(start!.target.login).toBe(TARGET.login);
      expect(end!.endCause).toBe('banner');
      expect(end!.sessionIdentifier).toBe(start!.sessionIdentifier);
      // SS-10: what the server's log holds never is, nor rebuilds, the session id.
      for (const entry of entries) expect(String(entry.message)).not.toContain(sessionId);

      // The Logs screen shows the session.
      await page.getByRole('navigation').getByRole('button', { name: t('app.nav.logs'), exact: true }).click();
      const row = page.getByRole('row').filter({ hasText: reason });
      await expect(row.first()).toBeVisible();
      await expect(row.first()).toContainText(t('logs.endCause.banner'));
      await shot('logs');
    } finally {
      await server.close();
    }
  });
}
