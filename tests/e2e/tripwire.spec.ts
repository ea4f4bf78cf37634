// What the admin sees of issue 11, in real Chromium through the harness and the Odoo
// simulator, in English and Spanish, with screenshots (test-results/screens/):
// - AZ-6: another impersonation on the same server is a warning naming both users; a
//   session switched behind the console's back (page script that got past the policy,
//   played here by a call on the session's own cookie) ends at once as "tampered", the
//   alarm where the banner stood and in a notice;
// - IN-1: a reason of invisible characters is refused by the dialog's hint as main would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/harness-fixture';
import { translator } from './support/locale-text';
import { look } from './support/look';
import { connectThroughBridge, simulatorServer, startThroughBridge } from '../support/bridge-start';

test.use({ harnessArgs: ['--odoo-sim', '--expose-session-cookie'] });

const REASON = 'Ticket 4711: Bob cannot confirm his sales orders';

async function rpc(odooUrl: string, route: string, params: unknown, cookie: string | null): Promise<string | null> {
  const response = await fetch(`${odooUrl}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: `session_id=${cookie}` } : {}) },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params }),
  });
  const set = /session_id=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  await response.text();
  return set ?? cookie;
}

const callKw = (odooUrl: string, cookie: string, method: string, args: unknown[]) =>
  rpc(odooUrl, '/web/dataset/call_kw', { model: 'res.users', method, args, kwargs: {} }, cookie);

for (const language of ['en', 'es'] as const) {
  test(`the tripwire warns of another impersonation and ends a switched session as tampered (${language})`, async ({ page, harness }) => {
    const t = translator(language);
    const odooUrl = harness.odooUrl!;
    await page.goto(harness.url);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await startThroughBridge(page, { server: simulatorServer(odooUrl), targetLogin: 'bob', reason: REASON, language });
    const banner = page.getByRole('region', { name: t('session.banner.label') });
    await expect(banner).toBeVisible();

    // The same admin, elsewhere, impersonates carol: a warning naming both, the session goes on.
    const elsewhere = (await rpc(odooUrl, '/web/session/authenticate', { db: 'odoo', login: 'admin', password: 'admin' }, null))!;
    await callKw(odooUrl, elsewhere, 'impersonate_login', [[9]]);
    const warning = t('session.otherImpersonation', { admin: 'Mitchell Admin', target: 'Carol Clark' });
    await expect(page.getByText(warning)).toBeVisible({ timeout: 15_000 });
    await expect(banner).toBeVisible();
    const other = await look(page, `${language}-session-other-impersonation`);
    expect(other.violations).toEqual([]);
    await callKw(odooUrl, elsewhere, 'back_to_origin_login', []);
    await rpc(odooUrl, '/web/session/destroy', {}, elsewhere);

    // Page script that got past the policy takes the session back to the admin.
    const cookie = readFileSync(path.join(harness.dataDir, 'test-only-session-cookie.txt'), 'utf8').trim();
    await callKw(odooUrl, cookie, 'back_to_origin_login', []);
    await expect(page.getByRole('heading', { name: t('session.ended.tamperedTitle') })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(t('session.tampered.ended', { name: 'Bob Brown', login: 'bob' }))).toBeVisible();
    await expect(page.getByText(t('session.tampered.notice', { name: 'Bob Brown' }))).toBeVisible();
    await expect(page.getByText(t('session.endCause.tampered'))).toBeVisible();
    await expect(banner).toHaveCount(0);
    const tampered = await look(page, `${language}-session-tampered`);
    expect(tampered.violations).toEqual([]);
    expect(tampered.layout).toEqual([]);

    // The session the page made is gone on the server too.
    const state = (await (await fetch(`${odooUrl}/__sim/state`)).json()) as { liveSessions: { uid: number; impersonateFromUid: unknown }[]; irLogging: { message: string }[] };
    expect(state.irLogging.some((row) => row.message.includes('"event":"tampered"'))).toBe(true);
  });

  test(`the reason dialog refuses a reason of invisible characters, as main does (${language})`, async ({ page, harness }) => {
    const t = translator(language);
    await page.goto(harness.url);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await connectThroughBridge(page, simulatorServer(harness.odooUrl!), language);
    await page.getByRole('button', { name: t('app.nav.users'), exact: true }).click();
    await page.getByRole('button', { name: t('users.impersonateNamed', { name: 'Bob Brown' }) }).click();
    const dialog = page.getByRole('dialog');
    const field = dialog.getByLabel(t('reason.label'));
    await field.fill('\u200b\u3164\u2800'.repeat(6));
    await expect(dialog.getByText(t('reason.hint.invisible'))).toBeVisible();
    await expect(dialog.getByRole('button', { name: t('reason.confirm') })).toBeDisabled();
    const shot = await look(page, `${language}-reason-invisible`);
    expect(shot.violations).toEqual([]);
    await field.fill(`abc${'\u200b'.repeat(8)}`);
    await expect(dialog.getByText(t('reason.hint.invisible'))).toBeVisible();
    await field.fill('Ticket\u200b 42 x');
    await expect(dialog.getByText(t('reason.hint.tooShort', { min: 10, length: 9 }))).toBeVisible();
  });
}
