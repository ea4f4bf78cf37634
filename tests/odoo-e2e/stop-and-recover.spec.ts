// Issue 12.5 against a real Odoo, in real Chromium through the harness: one session
// of carol stopped from the banner, and one cut short by killing the console's process
// mid-session, restarted on the same data folder and recovered at the next connect.
// Then the Logs show exactly one row for each, both ended with the right cause and
// confirmed by the server's copy; Odoo's impersonate.log has no open row left for
// either; the chain and every record verify; the notice that a session was left open
// has become what was closed. The database is shared with other tests and keeps old
// rows: this test looks only at its own sessions (its reasons, their identifiers, the
// log rows created after it began). It impersonates carol (others use alice and bob).
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/support/harness-fixture';
import { translator } from '../e2e/support/locale-text';
import { NO_SERVER, realOdoo, ServerAsAdmin, version, type RealOdoo } from './support/real-odoo';

test.skip(realOdoo === null, NO_SERVER);
test.setTimeout(300_000);

const CAROL = { login: 'carol', name: 'Carol Clark' } as const;
const t = translator('en');

function reasons(): { stopped: string; crashed: string } {
  const nonce = Math.random().toString(16).slice(2, 10);
  return {
    stopped: `Issue 12 e2e ${nonce}: carol's quotes, stopped from the banner`,
    crashed: `Issue 12 e2e ${nonce}: carol's quotes, cut short by a crash`,
  };
}

function shooter(page: Page) {
  let step = 0;
  return (name: string) => page.screenshot({ path: `test-results/screenshots/odoo-${version}-recovery-${++step}-${name}.png` });
}

async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

/** A new connection, saved, checked and connected (the real server does not list its databases). */
async function connectNew(page: Page, odoo: RealOdoo): Promise<void> {
  const main = page.getByRole('main');
  await main.getByLabel(t('connect.form.name'), { exact: true }).fill(`Odoo ${version}`);
  await main.getByLabel(t('connect.form.url')).fill(odoo.url);
  await main.getByRole('textbox', { name: t('connect.form.database') }).fill(odoo.database);
  await main.getByLabel(t('connect.form.login'), { exact: true }).fill(odoo.admin.login);
  await main.getByLabel(t('connect.form.password'), { exact: true }).fill(odoo.admin.password);
  await main.getByRole('button', { name: t('connect.form.save') }).click();
  await main.getByRole('button', { name: t('connect.panel.connect'), exact: true }).click();
  await expect(main.getByRole('heading', { name: t('connect.report.ok.connect') })).toBeVisible({ timeout: 30_000 });
}

/** After the restart: the saved connection is there, its password is not (the harness keeps it in memory only). */
async function connectSaved(page: Page, odoo: RealOdoo): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: t('app.nav.connect'), exact: true }).click();
  const main = page.getByRole('main');
  await main.getByLabel(t('connect.panel.password')).fill(odoo.admin.password);
  await main.getByRole('button', { name: t('connect.panel.connect'), exact: true }).click();
  await expect(main.getByRole('heading', { name: t('connect.report.ok.connect') })).toBeVisible({ timeout: 30_000 });
}

async function impersonateCarol(page: Page, reason: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: t('app.nav.users'), exact: true }).click();
  await page.getByLabel(t('users.search.label')).fill(CAROL.login);
  await page.getByRole('button', { name: t('users.impersonateNamed', { name: CAROL.name }) }).click();
  const dialog = page.getByRole('dialog', { name: t('reason.title', { name: CAROL.name }) });
  await dialog.getByLabel(t('reason.label')).fill(reason);
  await dialog.getByRole('button', { name: t('reason.confirm') }).click();
  const banner = page.getByRole('region', { name: t('session.banner.label') });
  await expect(banner.getByRole('heading', { name: t('session.banner.impersonating', { name: CAROL.name, login: CAROL.login }) })).toBeVisible({
    timeout: 60_000,
  });
}

test(`Odoo ${version}: a stopped session and a crashed one are one ended row each in Logs, and nothing stays open on the server (issue 12)`, async ({
  page,
  harness,
}) => {
  const odoo = realOdoo!;
  const shot = shooter(page);
  const { stopped, crashed } = reasons();
  const server = await ServerAsAdmin.open(odoo);
  try {
    expect(await server.majorVersion(), 'ODOO_E2E_VERSION names the server it runs against').toBe(version);
    const [carol] = await server.searchRead('res.users', [['login', '=', CAROL.login]], ['id', 'partner_id']);
    const carolPartner = (carol!.partner_id as [number, string])[0];
    const lastRowBefore = await server.lastLogRowId();

    await openConsole(page, harness.url);
    await connectNew(page, odoo);
    await impersonateCarol(page, stopped);
    await page.getByRole('region', { name: t('session.banner.label') }).getByRole('button', { name: t('session.banner.stop'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('session.ended.title') })).toBeVisible({ timeout: 60_000 });
    await shot('stopped');

    // The second session, then the console's process dies: no stop, no shutdown.
    await impersonateCarol(page, crashed);
    await shot('before-the-crash');
    expect((await server.logRowsSince(lastRowBefore, carolPartner)).filter((row) => row.date_end === false)).toHaveLength(1);
    const restarted = await harness.crashAndRestart();
    await openConsole(page, restarted.url);
    // The new run knows a session was left open, and cannot end it before the admin connects.
    const notices = page.getByRole('region', { name: t('app.notices.label') });
    await expect(notices).toContainText(t('console.recoveryPending_one', { server: odoo.url }));
    await shot('pending-notice');
    await connectSaved(page, odoo);
    // Once recovery ended it: the notice says what was closed instead.
    await expect(notices).toContainText('a previous run left open', { timeout: 30_000 });
    await expect(notices).not.toContainText(t('console.recoveryPending_one', { server: odoo.url }));
    await expect(notices).toContainText(CAROL.name);
    await shot('recovered-notice');

    // The server's word: no row of this test's sessions is open; each session has its start and end entries.
    const rows = await server.logRowsSince(lastRowBefore, carolPartner);
    expect(rows, 'one impersonate.log row per session of this test').toHaveLength(2);
    expect(rows.filter((row) => row.date_end === false), 'no impersonate.log row left open').toEqual([]);
    const messages = async (reason: string) =>
      (await server.consoleEntries(reason)).map((entry) => JSON.parse(String(entry.message)) as { event: string; endCause?: string; sessionIdentifier: string; impersonateLogId?: number | null; impersonateLogAfter?: number });
    const stoppedEntries = await messages(stopped);
    const crashedEntries = await messages(crashed);
    expect(stoppedEntries.map((m) => [m.event, m.endCause])).toEqual([['start', undefined], ['end', 'banner']]);
    expect(crashedEntries.map((m) => [m.event, m.endCause])).toEqual([['start', undefined], ['end', 'recovered']]);
    // Each end names its own session's row, and each start the mark right below it (written
    // beside the verification, issue 13): the keys the Logs merge by.
    const rowIds = rows.map((row) => row.id as number).sort();
    expect([stoppedEntries[1]!.impersonateLogId, crashedEntries[1]!.impersonateLogId].sort()).toEqual(rowIds);
    for (const [start, end] of [stoppedEntries, crashedEntries]) {
      expect(start!.impersonateLogId ?? null).toBeNull();
      expect(start!.impersonateLogAfter).toBeLessThan(end!.impersonateLogId!);
    }

    // The Logs, after a sync: exactly one row for each session, both ended, with the right causes.
    await page.getByRole('navigation').getByRole('button', { name: t('app.nav.logs'), exact: true }).click();
    await page.getByRole('button', { name: t('logs.sync.button') }).click();
    await expect(page.getByText(t('logs.sync.result', { fetched: 0, inserted: 0, updated: 0 }).split(':')[0]!)).toBeVisible({ timeout: 60_000 });
    const grid = page.getByRole('grid', { name: t('logs.table.label') });
    const rowOf = (reason: string) => grid.getByRole('row').filter({ hasText: reason });
    for (const [reason, cause] of [
      [stopped, 'banner'],
      [crashed, 'recovered'],
    ] as const) {
      await expect(rowOf(reason)).toHaveCount(1);
      await expect(rowOf(reason)).toContainText(t('logs.outcome.ended'));
      await expect(rowOf(reason)).toContainText(t(`logs.endCause.${cause}`));
      await expect(rowOf(reason)).toContainText(t('logs.provenance.here'));
      await expect(rowOf(reason)).toContainText(t('logs.provenance.confirms'));
    }
    await page.getByRole('searchbox', { name: t('logs.search.label') }).fill(crashed.split(':')[0]!);
    await expect(page.getByText(t('logs.table.countSearch', { rows: 2, text: crashed.split(':')[0]! }))).toBeVisible();
    // The crashed session's details: the server's records, the 'recovered' end entry among them.
    await rowOf(crashed).click();
    const detail = page.getByRole('complementary', { name: t('logs.detail.title') });
    await expect(detail).toContainText(t('logs.detail.agreement_confirms'));
    await expect(detail).toContainText(t('logs.detail.recordKind_console-end', { id: '' }).replace(/\s*\(#\)$/, ''));
    await expect(detail).toContainText(crashedEntries[0]!.sessionIdentifier);
    await shot('logs-details');
    await detail.getByRole('button', { name: t('logs.detail.close') }).click();

    // The chain and every record verify.
    await page.getByRole('button', { name: t('logs.chain.verifyAgain') }).click();
    await expect(page.locator('.chain-ok')).toBeVisible();
    await expect(page.locator('.chain-ok')).toContainText(/Chain verified: \d+ events, 2 records/);
    await shot('logs');
  } finally {
    await server.close();
  }
});
