// Issue 18.2 against a real Odoo, in real Chromium through the harness: the admin
// connects through the server's other loopback name (localhost for 127.0.0.1), which
// moves web.base.url there; Connect says what each sign-in does and offers the freeze;
// the admin confirms the server's own address, and the server holds it frozen there —
// a later sign-in through the other name no longer moves it, and Connect says it is
// frozen. Both parameters are put back as they were found, whatever happens.
import { RawSession } from '../contract/raw-session';
import { expect, test } from '../e2e/support/harness-fixture';
import { translator } from '../e2e/support/locale-text';
import { NO_SERVER, languages, realOdoo, version } from './support/real-odoo';

test.skip(realOdoo === null, NO_SERVER);

/** The same server through the other loopback name, or null where its URL names neither. */
function otherName(url: string): string | null {
  const { hostname } = new URL(url);
  const other = hostname === '127.0.0.1' ? 'localhost' : hostname === 'localhost' ? '127.0.0.1' : null;
  return other === null ? null : url.replace(hostname, other);
}

async function parameters(raw: RawSession): Promise<{ url: unknown; freeze: unknown }> {
  const url = await raw.callKw('ir.config_parameter', 'get_param', ['web.base.url']);
  const freeze = await raw.callKw('ir.config_parameter', 'get_param', ['web.base.url.freeze']);
  return { url: url.envelope?.result, freeze: freeze.envelope?.result };
}

for (const language of languages) {
  test(`Odoo ${version}: a sign-in through another address moves web.base.url, Connect says so, and the freeze keeps it where the admin confirmed (issue 18, ${language})`, async ({
    page,
    harness,
  }) => {
    test.skip(otherName(realOdoo!.url) === null, 'the server is not reached through a loopback name');
    test.setTimeout(180_000);
    const odoo = realOdoo!;
    const home = odoo.url;
    const away = otherName(home)!;
    const t = translator(language);
    const main = page.getByRole('main');
    let step = 0;
    const shot = (name: string) => page.screenshot({ path: `test-results/screenshots/odoo-${version}-${language}-base-url-${++step}-${name}.png` });

    // The administrator's own sign-in through the server's address puts web.base.url there.
    const admin = new RawSession(home);
    await admin.authenticate(odoo.database, odoo.admin.login, odoo.admin.password);
    const original = await parameters(admin);
    try {
      expect(original.freeze, 'the test starts from a server whose web.base.url is not frozen').toBe(false);
      expect(original.url).toBe(home);

      await page.goto(harness.url);
      await expect(page.locator('body[data-ready="true"]')).toBeAttached();
      if (language !== 'en') {
        await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
        await page.getByLabel('Language').selectOption(language);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await page.getByRole('navigation').getByRole('button', { name: t('app.nav.connect'), exact: true }).click();
      }
      await main.getByLabel(t('connect.form.name'), { exact: true }).fill('Through the other name');
      await main.getByLabel(t('connect.form.url')).fill(away);
      await main.getByRole('textbox', { name: t('connect.form.database') }).fill(odoo.database);
      await main.getByLabel(t('connect.form.login'), { exact: true }).fill(odoo.admin.login);
      await main.getByLabel(t('connect.form.password'), { exact: true }).fill(odoo.admin.password);
      await main.getByRole('button', { name: t('connect.form.save') }).click();
      await main.getByRole('button', { name: t('connect.panel.connect'), exact: true }).click();
      await expect(main.getByRole('heading', { name: t('connect.report.ok.connect') })).toBeVisible({ timeout: 30_000 });

      // The console's sign-in moved it, and Connect says so plainly.
      expect(await parameters(admin)).toEqual({ url: away, freeze: false });
      const notice = main.getByRole('note').filter({ hasText: t('connect.baseUrl.title') });
      await expect(notice).toContainText(t('connect.baseUrl.changed', { address: away, value: away }));
      await expect(main.getByText(t('connect.check.baseUrlMoves'))).toBeVisible();
      await notice.scrollIntoViewIfNeeded();
      await shot('moved');

      // The one action: freeze, at the address the admin confirms (the current value is offered).
      await notice.getByRole('button', { name: t('connect.baseUrl.freeze') }).click();
      const dialog = page.getByRole('dialog', { name: t('connect.baseUrl.dialogTitle') });
      const address = dialog.getByLabel(t('connect.baseUrl.address'));
      await expect(address).toHaveValue(away);
      await address.fill(home);
      await shot('freeze-dialog');
      await dialog.getByRole('button', { name: t('connect.baseUrl.confirm') }).click();
      await expect(main.getByText(t('connect.baseUrl.done', { value: home }))).toBeVisible({ timeout: 30_000 });
      await shot('frozen');
      expect(await parameters(admin)).toEqual({ url: home, freeze: 'True' });

      // Signing in through the other name again no longer moves it; Connect says where it is frozen.
      await page.getByRole('button', { name: t('connect.status.disconnect') }).click();
      await main.getByRole('button', { name: t('connect.panel.connect'), exact: true }).click();
      await expect(main.getByRole('heading', { name: t('connect.report.ok.connect') })).toBeVisible({ timeout: 30_000 });
      await expect(main.getByText(t('connect.check.baseUrlFrozen', { value: home }))).toBeVisible();
      await expect(main.getByRole('note').filter({ hasText: t('connect.baseUrl.title') })).toHaveCount(0);
      await shot('stays');
      expect(await parameters(admin)).toEqual({ url: home, freeze: 'True' });
    } finally {
      // As found: the freeze first (false deletes it), then the value.
      await admin.callKw('ir.config_parameter', 'set_param', ['web.base.url.freeze', original.freeze || false]);
      await admin.callKw('ir.config_parameter', 'set_param', ['web.base.url', original.url]);
      expect(await parameters(admin)).toEqual(original);
      await admin.end();
    }
  });
}
