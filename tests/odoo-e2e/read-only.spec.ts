// Issue 17 against a real Odoo, in real Chromium through the harness (whose view proxy
// applies the desktop view's own policy): a session starts read-only; Alice's menus
// browse with no error dialog and no refusal in the banner; posting in Discuss, saving
// her Preferences and a button call (call_button) are each refused, the banner says
// so, and the server is unchanged (read back as the administrator). After "Allow
// changes" with a reason — on the record locally and in ir.logging first — the same
// save goes through, and the session's timeline shows both the refusal and the write.
// The value typed into Odoo is found in none of the files the console wrote. At the
// stop, the server's end entry holds the summary. Screenshots of the banner in each
// state, and of the timeline in Logs, land in test-results/screenshots/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import type { ConsoleBridge } from '../../src-preload/contract';
import { expect, test } from '../e2e/support/harness-fixture';
import { translator } from '../e2e/support/locale-text';
import { impersonateAlice } from './support/bridge';
import { chooseLanguage } from './support/console-ui';
import { languages, NO_SERVER, realOdoo, ServerAsAdmin, TARGET, uniqueReason, version } from './support/real-odoo';
import { dismissColorPickerError, odooView, openApp, waitForWebClient } from './support/webclient';

test.skip(realOdoo === null, NO_SERVER);
test.setTimeout(300_000);

/** Every file under `dir`, whatever its depth. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

async function openPreferences(page: Page, view: FrameLocator): Promise<void> {
  await view.locator('.o_user_menu button, .o_user_menu .dropdown-toggle').first().click();
  await view.locator(`.o-dropdown--menu [data-menu="${version === '19' ? 'preferences' : 'settings'}"]`).first().click();
  await expect(view.locator('.modal .o_form_view')).toBeVisible();
  if (version === '17') await dismissColorPickerError(page);
}

/**
 * The Preferences field the save changes: her timezone (a <select> on 17 and 18); on 19,
 * whose timezone is a searchable SelectMenu on another tab, how she handles notifications
 * (a radio, on the first tab).
 */
const FIELD = version === '19' ? 'notification_type' : 'tz';

/** Changes that field in Preferences and presses Save (onchange, web_save, then call_button preference_save). */
async function savePreference(page: Page, view: FrameLocator, value: string): Promise<void> {
  await openPreferences(page, view);
  const field = view.locator(`.modal .o_field_widget[name="${FIELD}"]`);
  if (FIELD === 'tz') await field.locator('select').selectOption(value);
  else await field.locator(`input[type="radio"][data-value="${value}"]`).check();
  await view.locator('.modal button[name="preference_save"]').click();
}

for (const language of languages) {
  test(`Odoo ${version}: read-only by default, refused changes, Allow changes on the record, the timeline (${language})`, async ({ page, harness }) => {
    const odoo = realOdoo!;
    const t = translator(language);
    const shot = (name: string) => page.screenshot({ path: `test-results/screenshots/odoo-${version}-${language}-readonly-${name}.png` });
    const reason = uniqueReason(language);
    const unlockReason = `${reason} / unlock`;
    const seeded = `Seeded-${Date.now().toString(36)}-value`;
    const server = await ServerAsAdmin.open(odoo);
    const alice = await server.target();
    const [before] = await server.searchRead('res.users', [['id', '=', alice.id]], [FIELD]);
    const original = (before?.[FIELD] as string | false) || false;
    const changed = FIELD === 'tz' ? (original === 'Europe/Madrid' ? 'Europe/Lisbon' : 'Europe/Madrid') : original === 'inbox' ? 'email' : 'inbox';
    try {
      await page.goto(harness.url);
      await expect(page.locator('body[data-ready="true"]')).toBeAttached();
      await chooseLanguage(page, language);
      await impersonateAlice(page, reason);
      await page.getByRole('navigation').getByRole('button', { name: t('app.nav.session'), exact: true }).click();
      const banner = page.getByRole('region', { name: t('session.banner.label') });
      const access = banner.getByTestId('session-access');
      await expect(access).toContainText(t('session.changes.readOnlyBadge'));
      const view = odooView(page);
      await waitForWebClient(view);

      // Browsing: her menus, a channel, her Preferences — no error dialog, nothing in the banner.
      await openApp(view, 'Discuss');
      await view.locator('.o-mail-DiscussSidebar').getByText('general', { exact: true }).first().click();
      await expect(view.locator('.o-mail-Thread').first()).toBeVisible();
      await openPreferences(page, view);
      await view.locator('.modal .o_form_button_cancel, .modal .btn-close').last().click();
      await openApp(view, 'Apps');
      await expect(view.locator('.o_error_dialog')).toHaveCount(0);
      await expect(banner.getByRole('alert')).toHaveCount(0);
      await shot('1-browsing');

      // Posting in Discuss: refused, the banner says what, nothing on the server.
      await openApp(view, 'Discuss');
      await view.locator('.o-mail-DiscussSidebar').getByText('general', { exact: true }).first().click();
      const composer = view.locator('.o-mail-Composer-input').first();
      await composer.fill(`Hello from ${seeded}`);
      await composer.press('Enter');
      const refusal = banner.locator('.session-banner-refusal');
      await expect(refusal).toContainText(t('session.refused.read-only', { name: TARGET.name }));
      await expect(refusal).toContainText('/mail/message/post');
      await shot('2-refused-post');
      expect(await server.searchRead('mail.message', [['body', 'ilike', seeded]], ['id'])).toEqual([]);
      await refusal.getByRole('button', { name: t('session.refused.dismiss') }).click();

      // Saving her Preferences: web_save refused, her timezone unchanged on the server.
      await savePreference(page, view, changed);
      await expect(refusal).toContainText('web_save · res.users');
      await shot('3-refused-save');
      const [unchanged] = await server.searchRead('res.users', [['id', '=', alice.id]], [FIELD]);
      expect(unchanged?.[FIELD]).toBe(original);
      // A button call: "Change password" (call_button preference_change_password), refused. On an
      // unchanged form: Odoo saves a changed one (web_save) before it calls a button.
      await refusal.getByRole('button', { name: t('session.refused.dismiss') }).click();
      await view.locator('.modal .o_form_button_cancel, .modal .btn-close').last().click();
      await expect(view.locator('.modal .o_form_view')).toHaveCount(0);
      await openPreferences(page, view);
      await view.locator('.modal .nav-link').filter({ hasText: /Security/ }).first().click();
      await view.locator('.modal button[name="preference_change_password"]').click();
      await expect(refusal).toContainText('preference_change_password · res.users');
      await expect(view.locator('.o_error_dialog')).toHaveCount(0);
      await view.locator('.modal .o_form_button_cancel, .modal .btn-close').last().click();

      // Allow changes: a second reason and a confirmation; on the server's log before any write.
      await banner.getByRole('button', { name: t('session.changes.allow') }).click();
      const dialog = page.getByRole('dialog', { name: t('session.changes.dialogTitle', { name: TARGET.name }) });
      await dialog.getByLabel(t('session.changes.reasonLabel')).fill(unlockReason);
      await expect(dialog.getByRole('button', { name: t('session.changes.confirm') })).toBeDisabled();
      await dialog.getByLabel(t('session.changes.understood', { name: TARGET.name })).check();
      await shot('4-allow-changes-dialog');
      await dialog.getByRole('button', { name: t('session.changes.confirm') }).click();
      await expect(access).toContainText(t('session.changes.allowedBadge'));
      await expect(banner).toHaveClass(/changes-allowed/);
      const unlocks = await server.changesEntries(unlockReason);
      expect(unlocks.map((entry) => [entry.func, entry.level])).toEqual([['changes-allowed', 'WARNING']]);
      await shot('5-changes-allowed');

      // The same save now goes through.
      await savePreference(page, view, changed);
      await expect.poll(async () => (await server.searchRead('res.users', [['id', '=', alice.id]], [FIELD]))[0]?.[FIELD], { timeout: 30_000 }).toBe(changed);
      await waitForWebClient(view);

      const current = await page.evaluate(() => (globalThis as unknown as { consoleApi: ConsoleBridge }).consoleApi.impersonation.current());
      const recordId = current.ok ? current.value.recordId : null;
      expect(recordId).toMatch(/^local:/);
      await banner.getByRole('button', { name: t('session.banner.stop'), exact: true }).click();
      await expect(page.getByRole('heading', { name: t('session.ended.title') })).toBeVisible({ timeout: 60_000 });

      // The timeline: the refusals and the write, names and ids only.
      const timeline = await page.evaluate(async (id) => {
        const api = (globalThis as unknown as { consoleApi: ConsoleBridge }).consoleApi;
        return api.audit.timeline({ id, filter: 'all' });
      }, recordId!);
      expect(timeline.ok).toBe(true);
      const entries = timeline.ok ? timeline.value.entries : [];
      const saves = entries.filter((entry) => entry.model === 'res.users' && entry.method === 'web_save');
      expect(saves.map((entry) => [entry.allowed, entry.writes, entry.ids])).toEqual([
        [false, true, [alice.id]],
        [true, true, [alice.id]],
      ]);
      expect(entries.some((entry) => entry.route === '/mail/message/post' && !entry.allowed)).toBe(true);
      expect(entries.some((entry) => entry.method === 'preference_change_password' && !entry.allowed)).toBe(true);
      expect(entries.some((entry) => entry.method === 'preference_save' && entry.allowed)).toBe(true);

      // The server's end entry holds the summary, writes marked.
      const ends = (await server.consoleEntries(reason)).filter((entry) => entry.func === 'end');
      expect(ends).toHaveLength(1);
      const end = JSON.parse(String(ends[0]!.message)) as { timeline: { mode: string; rows: Array<{ model: string | null; method: string | null; calls: number; refused: number; writes: boolean }> }; changesAllowed: { reason: string } };
      expect(end.timeline.mode).toBe('allowed-during');
      expect(end.changesAllowed.reason).toBe(unlockReason);
      expect(end.timeline.rows).toContainEqual(expect.objectContaining({ model: 'res.users', method: 'web_save', calls: 2, refused: 1, writes: true }));

      // No field value in anything the console wrote (the seeded message body, the value saved).
      for (const file of filesUnder(harness.dataDir)) {
        const bytes = readFileSync(file);
        expect(bytes.includes(seeded), `${file} holds the seeded value`).toBe(false);
        // A timezone is a value of its own; 'inbox' or 'email' also name routes, so only the timezone is looked for.
        if (FIELD === 'tz') expect(bytes.includes(changed), `${file} holds the timezone chosen`).toBe(false);
      }

      // Logs: the session's details show the timeline, with its filters.
      await page.getByRole('navigation').getByRole('button', { name: t('app.nav.logs'), exact: true }).click();
      await page.getByRole('row').filter({ hasText: reason }).first().click();
      const panel = page.getByTestId('session-timeline');
      await expect(panel).toContainText('res.users · web_save');
      await panel.getByLabel(t('logs.timeline.filter_refused')).check();
      await expect(panel.locator('tbody tr')).toHaveCount(entries.filter((entry) => !entry.allowed).length);
      await expect(panel).toContainText(t('logs.timeline.refused_read-only'));
      await shot('6-logs-timeline');
    } finally {
      await server.write('res.users', [alice.id], { [FIELD]: original }).catch(() => undefined);
      await server.close();
    }
  });
}
