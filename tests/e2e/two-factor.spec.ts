// Two-factor sign-in in real Chromium through the harness, against the simulator's
// admin3 (the lab's TOTP secret; codes computed, never written down): Connect asks for
// the code, a wrong one is said in the prompt and another is taken; two impersonations
// need no further code; once the server no longer trusts this computer ("Revoke All",
// done on the server), a start is refused with what to do and the way on — Connect asks
// for a new code, saying why. Once in English, once in Spanish.
import type { Page } from '@playwright/test';
import { RawSession } from '../contract/raw-session';
import { revokeAllDevices, wrongCode } from '../contract/two-factor-scenarios';
import { LAB_TOTP_SECRET, totp } from '../support/totp';
import { codePrompt, enterCode, fillNewConnection } from './support/connect-steps';
import { expect, test } from './support/harness-fixture';
import { translate, type Language } from './support/locale-text';
import { look } from './support/look';

test.use({ harnessArgs: ['--odoo-sim'] });

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  if (language === 'en') return;
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.getByRole('navigation').getByRole('button', { name: translate(language, 'app.nav.connect') }).click();
}

for (const language of ['en', 'es'] as const) {
  test(`connects with one code, impersonates without another, and asks again once the server no longer trusts this computer (${language})`, async ({
    page,
    harness,
  }) => {
    test.setTimeout(120_000);
    const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
    const main = page.getByRole('main');
    const nav = (key: string) => page.getByRole('navigation').getByRole('button', { name: t(key), exact: true });
    await page.goto(harness.url);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await chooseLanguage(page, language);

    await fillNewConnection(main, t, harness.odooUrl!, 'Two-factor', 'admin3');
    await main.getByRole('button', { name: t('connect.form.save') }).click();
    await main.getByRole('button', { name: t('connect.panel.connect'), exact: true }).click();
    const prompt = codePrompt(page, t);
    await expect(prompt).toContainText(t('connect.twoFactor.introRequired', { login: 'admin3', name: 'Two-factor' }));
    await enterCode(page, t, wrongCode(LAB_TOTP_SECRET));
    await expect(prompt.getByText(t('odoo.secondFactorInvalid'))).toBeVisible();
    await enterCode(page, t, totp(LAB_TOTP_SECRET));
    await expect(prompt).toHaveCount(0);
    await expect(main.getByRole('heading', { name: t('connect.report.ok.connect') })).toBeFocused();
    await expect(main.getByText(t('connect.check.twoFactorOn'))).toBeVisible();

    const impersonate = async (name: string) => {
      await nav('app.nav.users').click();
      await page.getByRole('button', { name: t('users.impersonateNamed', { name }) }).click();
      const dialog = page.getByRole('dialog', { name: t('reason.title', { name }) });
      await dialog.getByLabel(t('reason.label')).fill('Ticket 18: two-factor sign-in, end to end');
      await dialog.getByRole('button', { name: t('reason.confirm') }).click();
    };
    for (const name of ['Alice Anderson', 'Bob Brown']) {
      await impersonate(name);
      const banner = page.getByRole('region', { name: t('session.banner.label') });
      await expect(banner).toBeVisible();
      await expect(codePrompt(page, t)).toHaveCount(0);
      await banner.getByRole('button', { name: t('session.banner.stop'), exact: true }).click();
      await expect(page.getByRole('heading', { name: t('session.ended.title') })).toBeVisible();
    }

    // On the server: "Revoke All" of admin3's trusted devices, by an administrator.
    const admin = new RawSession(harness.odooUrl!);
    await admin.authenticate('odoo', 'admin', 'admin');
    const ids = (await admin.callKw('res.users', 'search', [[['login', '=', 'admin3']]])).envelope?.result as number[];
    await revokeAllDevices(admin, ids[0]!, 'admin');
    await admin.end();

    await impersonate('Carol Clark');
    await expect(main.getByRole('alert')).toHaveText(t('rules.reconnectWithCode'));
    const refused = await look(page, `${language}-two-factor-start-refused`);
    expect.soft(refused.layout).toEqual([]);
    expect.soft(refused.violations).toEqual([]);

    // The way on from the refusal: Connect signs in again and asks for a new code, saying why.
    await main.getByRole('button', { name: t('users.enterCode') }).click();
    await expect(main.getByRole('heading', { name: t('connect.title'), level: 1 })).toBeVisible();
    await expect(prompt).toContainText(t('connect.twoFactor.introUntrusted', { login: 'admin3' }));
    const untrusted = await look(page, `${language}-two-factor-untrusted`);
    expect.soft(untrusted.layout).toEqual([]);
    expect.soft(untrusted.violations).toEqual([]);
    await enterCode(page, t, totp(LAB_TOTP_SECRET));
    await expect(main.getByRole('heading', { name: t('connect.report.ok.connect') })).toBeFocused();
    // …and impersonating works again, without another code.
    await impersonate('Carol Clark');
    const banner = page.getByRole('region', { name: t('session.banner.label') });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: t('session.banner.stop'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('session.ended.title') })).toBeVisible();
  });
}
