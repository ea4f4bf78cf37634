// Steps 1–3 of "What the user does", in real Chromium against the real main-process
// services and the Odoo simulator: connect and see the admin check pass, find users
// (the ineligible ones disabled with why), and ask for a reason — where the dialog's
// hints stop an empty or short reason and main's rate limit refuses the sixth check
// within a minute. Once in English and once in Spanish; the expected texts are read
// from the translation files, so the same steps check both languages.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/harness-fixture';
import { connectAndSeeTheCheck, fillNewConnection } from './support/connect-steps';
import { pattern, translate, type Language } from './support/locale-text';

const VALID_REASON = 'Ticket 4711: the invoice totals look wrong';

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  if (language === 'en') return;
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption(language);
  await expect(page.getByRole('heading', { name: translate(language, 'app.settings.title') })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: translate(language, 'app.nav.connect') }).click();
}

async function addAndConnect(page: Page, language: Language, odooUrl: string): Promise<void> {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: t('connect.title'), level: 1 })).toBeVisible();
  await expect(main.getByText(t('connect.status.disconnected'))).toBeVisible();

  // No saved connection yet: the form is open.
  await fillNewConnection(main, t, odooUrl);
  // The harness has no keychain: nothing to remember a password in, so no such checkbox.
  await expect(main.getByLabel(t('connect.form.remember'))).toHaveCount(0);
  await main.getByRole('button', { name: t('connect.form.save') }).click();

  const saved = main.getByRole('list', { name: t('connect.list.label') }).getByRole('listitem');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Simulator');

  await main.getByRole('button', { name: t('connect.panel.test') }).click();
  await expect(main.getByRole('heading', { name: t('connect.report.ok.test') })).toBeVisible();
  const checks = main.getByRole('list', { name: t('connect.report.checks') });
  for (const key of ['connect.check.module', 'connect.check.systemAdmin', 'connect.check.group']) {
    await expect(checks.getByRole('listitem').filter({ hasText: t(key) })).toHaveAttribute('data-state', 'ok');
  }
  await expect(main.getByRole('list', { name: t('connect.report.problems') })).toHaveCount(0);

  await connectAndSeeTheCheck(main, t);
  await main.getByRole('button', { name: t('connect.panel.toUsers') }).click();
  await expect(main.getByRole('heading', { name: t('users.title'), level: 1 })).toBeVisible();
}

/** The row of a user in the Users list, found by the login it shows. */
function userRow(list: Locator, login: string): Locator {
  return list.getByRole('listitem').filter({ has: list.page().getByText(login, { exact: true }) });
}

async function openReasonDialog(page: Page, language: Language) {
  await page.getByRole('button', { name: translate(language, 'users.impersonateNamed', { name: 'Alice Anderson' }) }).click();
  const dialog = page.getByRole('dialog', { name: translate(language, 'reason.title', { name: 'Alice Anderson' }) });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(translate(language, 'reason.label'))).toBeFocused();
  return dialog;
}

for (const language of ['en', 'es'] as const) {
  test.describe(`connect and choose (${language})`, () => {
    test.use({ harnessArgs: ['--odoo-sim'] });

    test('connects, shows who may not be impersonated and why, and limits attempts to five a minute', async ({
      page,
      harness,
    }) => {
      const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
      expect(harness.odooUrl).not.toBeNull();
      await page.goto(harness.url);
      await expect(page.locator('body[data-ready="true"]')).toBeAttached();
      await chooseLanguage(page, language);
      await addAndConnect(page, language, harness.odooUrl!);

      // Users: search "a", everyone listed (archived included by default), the ineligible disabled with why.
      await expect(page.getByLabel(t('users.search.includeArchived'))).toBeChecked();
      await page.getByLabel(t('users.search.label')).fill('a');
      const list = page.getByRole('list', { name: t('users.list.label') });
      // The answer for "a" has replaced the full list: Bob Brown (bob) matches neither by name nor by login.
      await expect(userRow(list, 'bob')).toHaveCount(0);
      await expect(userRow(list, 'alice')).toBeVisible();
      await expect(page.getByText(pattern(language, 'users.search.total', 'total'))).toBeVisible();

      const disabled: [login: string, reasons: string[]][] = [
        ['admin', ['self', 'administrator']],
        ['admin2', ['administrator']],
        ['pat', ['portal']],
      ];
      for (const [login, reasons] of disabled) {
        const row = userRow(list, login);
        await expect(row).toHaveAttribute('aria-disabled', 'true');
        await expect(row.getByRole('button')).toHaveCount(0);
        // Why, in a sentence on the row itself: no tooltip needed.
        for (const reason of reasons) await expect(row.getByText(t(`users.refusal.${reason}`))).toBeVisible();
      }
      await expect(userRow(list, 'alice')).not.toHaveAttribute('aria-disabled', 'true');
      await expect(userRow(list, 'alice').getByRole('button', { name: t('users.impersonateNamed', { name: 'Alice Anderson' }) })).toBeEnabled();
      await page.screenshot({ path: `test-results/screenshots/users-${language}.png`, fullPage: true });

      // The superuser (OdooBot, archived; "a" is in neither its name nor its login) is
      // listed only because "include archived" is on.
      await page.getByLabel(t('users.search.label')).fill('OdooBot');
      const superuser = userRow(list, '__system__');
      await expect(superuser).toHaveAttribute('aria-disabled', 'true');
      await expect(superuser).toContainText(t('users.refusal.superuser'));
      await expect(superuser).toContainText(t('users.refusal.archived'));
      // "Archived" is said once, in the sentence.
      await expect(superuser.getByText(/archiv/i)).toHaveCount(1);
      await page.getByLabel(t('users.search.includeArchived')).uncheck();
      await expect(superuser).toHaveCount(0);
      await page.getByLabel(t('users.search.includeArchived')).check();
      await expect(superuser).toBeVisible();

      await page.getByLabel(t('users.search.label')).fill('alice');
      await expect(page.getByText(pattern(language, 'users.search.total', 'total'))).toHaveText(
        t('users.search.total', { total: 1 }),
      );

      // The reason dialog: nothing is called wrong before the first keystroke; an empty and a
      // too-short reason cannot be confirmed; Escape closes.
      let dialog = await openReasonDialog(page, language);
      const confirm = dialog.getByRole('button', { name: t('reason.confirm') });
      await expect(dialog.getByText(t('reason.hint.rule', { min: 10, max: 500 }))).toBeVisible();
      await expect(dialog.getByText(t('reason.hint.empty', { min: 10 }))).toHaveCount(0);
      await expect(confirm).toBeDisabled();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(t('reason.hint.empty', { min: 10 }))).toBeVisible();
      await dialog.getByLabel(t('reason.label')).fill('too short');
      await expect(dialog.getByText(t('reason.hint.tooShort', { min: 10, length: 9 }))).toBeVisible();
      await expect(confirm).toBeDisabled();
      await expect(dialog.getByText(t('reason.attemptsLeft', { remaining: 5 }))).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);

      // Five attempts within the minute are allowed, each counting down what is left: each
      // confirmed reason starts a session (the check was the attempt), which is stopped again...
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        dialog = await openReasonDialog(page, language);
        await expect(dialog.getByText(t('reason.attemptsLeft', { remaining: 6 - attempt }))).toBeVisible();
        await dialog.getByLabel(t('reason.label')).fill(`${VALID_REASON} (${attempt})`);
        await page.keyboard.press('Enter');
        await expect(dialog).toHaveCount(0);
        const stop = page.getByRole('button', { name: t('session.banner.stop'), exact: true });
        await stop.click();
        await expect(page.getByText(t('session.ended.title'))).toBeVisible();
        await page.getByRole('navigation').getByRole('button', { name: t('app.nav.users') }).click();
      }

      // ...the sixth is refused by main with the time to wait, and cannot be retried meanwhile.
      dialog = await openReasonDialog(page, language);
      await expect(dialog.getByText(t('reason.attemptsLeft', { remaining: 0 }))).toBeVisible();
      await dialog.getByLabel(t('reason.label')).fill(`${VALID_REASON} (6)`);
      await page.keyboard.press('Enter');
      await expect(dialog.getByRole('alert')).toHaveText(pattern(language, 'rules.rateLimited', 'seconds'));
      await expect(dialog).toBeVisible();
      await expect(confirm).toBeDisabled();
      await page.screenshot({ path: `test-results/screenshots/reason-dialog-${language}.png`, fullPage: true });
    });
  });
}

// What a version lacks is said at Connect as it is for anything missing, in both languages (issue 16).
for (const language of ['en', 'es'] as const) {
  test.describe(`connect to Odoo 17 (${language})`, () => {
    test.use({ harnessArgs: ['--odoo-sim', '--sim-version', '17'] });

    test('says that Odoo 17 records no server-seen IP and cannot end a crashed session, and connects all the same', async ({ page, harness }) => {
      const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
      await page.goto(harness.url);
      await expect(page.locator('body[data-ready="true"]')).toBeAttached();
      await chooseLanguage(page, language);
      const main = page.getByRole('main');
      await fillNewConnection(main, t, harness.odooUrl!, 'Odoo 17');
      await main.getByRole('button', { name: t('connect.form.save') }).click();
      await main.getByRole('button', { name: t('connect.panel.test') }).click();

      await expect(main.getByRole('heading', { name: t('connect.report.ok.test') })).toBeVisible();
      const checks = main.getByRole('list', { name: t('connect.report.checks') });
      await expect(checks.getByRole('listitem').filter({ hasText: t('connect.check.version', { version: '17.0' }) })).toHaveAttribute('data-state', 'ok');
      await expect(checks.getByRole('listitem').filter({ hasText: t('connect.check.noServerIp') })).toHaveAttribute('data-state', 'info');
      await expect(checks.getByRole('listitem').filter({ hasText: t('connect.check.noRevokeOrphans') })).toHaveAttribute('data-state', 'info');
      const notes = main.getByRole('list', { name: t('connect.report.problems') }).getByRole('listitem');
      await expect(notes).toHaveText([t('odoo.problemNoServerIp', { version: '17.0' }), t('odoo.problemNoOrphanRevocation', { version: '17.0' })]);
      await main.locator('section.connection-report').screenshot({ path: `test-results/screenshots/connect-odoo17-${language}.png` });

      await connectAndSeeTheCheck(main, t);
    });
  });
}
