// The core flow in real Chromium against the real main-process services and the Odoo
// simulator: pick alice, give a reason, work inside the orange frame, stop, find the
// session in the Logs — once in English, once in Spanish.
//
// The Session screen's own words are written out below (they are what this spec is
// about); other screens' labels are read from their locale files, so that rewording
// Users or Logs does not break this spec.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/harness-fixture';
import { expectViewOver, harnessView } from './support/harness-view';
import { translate as label, type Language } from './support/locale-text';
import { connectThroughBridge, simulatorServer } from '../support/bridge-start';

interface Expected {
  reason: string;
  bannerLabel: string;
  impersonating: string;
  viewLabel: string;
  stop: string;
  endedTitle: string;
  endCause: string;
  indicator: RegExp;
}

const expected: Record<Language, Expected> = {
  en: {
    reason: 'Ticket 4711: Alice cannot confirm her sales orders',
    bannerLabel: 'Impersonation in progress',
    impersonating: 'Impersonating Alice Anderson (alice)',
    viewLabel: 'Odoo as Alice Anderson',
    stop: 'Stop',
    endedTitle: 'Impersonation ended',
    endCause: 'stopped from the banner',
    indicator: /^Impersonating Alice Anderson \d\d:\d\d$/,
  },
  es: {
    reason: 'Ticket 4711: Alice no puede confirmar sus pedidos',
    bannerLabel: 'Suplantación en curso',
    impersonating: 'Suplantando a Alice Anderson (alice)',
    viewLabel: 'Odoo como Alice Anderson',
    stop: 'Detener',
    endedTitle: 'Suplantación terminada',
    endCause: 'detenida desde el banner',
    indicator: /^Suplantando Alice Anderson \d\d:\d\d$/,
  },
};

function secondsOf(countdown: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(countdown.trim());
  if (!match) throw new Error(`not a countdown: ${countdown}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  if (language === 'en') return;
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** The name Odoo itself shows for a session cookie, read in a browser context of its own. */
async function odooUserOf(browser: Browser, odooUrl: string, sessionId: string): Promise<string | null> {
  const context = await browser.newContext();
  try {
    await context.addCookies([{ name: 'session_id', value: sessionId, url: odooUrl }]);
    const odoo = await context.newPage();
    await odoo.goto(`${odooUrl}/odoo`);
    const current = odoo.locator('#current-user');
    return (await current.count()) > 0 ? (await current.textContent())?.trim() ?? null : null;
  } finally {
    await context.close();
  }
}

/** The test-only copy of the impersonated session's cookie (harness flag --expose-session-cookie). */
function readSessionCookie(dataDir: string): string {
  const raw = readFileSync(path.join(dataDir, 'test-only-session-cookie.txt'), 'utf8').trim();
  return raw.startsWith('session_id=') ? raw.slice('session_id='.length) : raw;
}

test.use({ harnessArgs: ['--odoo-sim', '--expose-session-cookie'] });

for (const language of ['en', 'es'] as const) {
  test(`impersonates alice inside the orange frame, stops, and finds it in the Logs (${language})`, async ({
    page,
    harness,
    browser,
  }) => {
    const text = expected[language];
    const odooUrl = harness.odooUrl!;
    await page.goto(harness.url);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await chooseLanguage(page, language);
    // The Connect screen has its own spec: here the connection is only the precondition.
    await connectThroughBridge(page, simulatorServer(odooUrl));

    // Users → Impersonate alice → reason → confirm.
    await page.getByRole('button', { name: label(language, 'app.nav.users'), exact: true }).click();
    await page.getByRole('button', { name: label(language, 'users.impersonateNamed', { name: 'Alice Anderson' }) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(label(language, 'reason.label')).fill(text.reason);
    await dialog.getByRole('button', { name: label(language, 'reason.confirm') }).click();

    // The Session screen comes forward by itself once main reports the session active.
    const banner = page.getByRole('region', { name: text.bannerLabel });
    await expect(banner.getByRole('heading', { name: text.impersonating })).toBeVisible();
    await expect(banner).toContainText(text.reason);
    const frame = page.getByTestId('impersonation-frame');
    await expect(frame).toBeVisible();
    await expect(frame).toHaveCSS('border-left-color', 'rgb(249, 115, 22)');
    await expect(frame).toHaveCSS('border-left-width', '6px');
    // The simulator's page, served by the harness's view proxy, lies inside the frame's
    // view area as the desktop app lays its view there, and runs as alice.
    const area = page.getByRole('region', { name: text.viewLabel });
    const odoo = harnessView(page);
    await expect(odoo.locator('#current-user')).toHaveText('Alice Anderson');
    await expect(odoo.locator('.o_main_navbar')).toContainText('Alice Anderson');
    await expectViewOver(page, area);

    // A live countdown from main: just started, within the one-hour limit, and moving.
    const countdown = banner.getByRole('timer');
    const first = (await countdown.textContent()) ?? '';
    expect(secondsOf(first)).toBeLessThanOrEqual(3600);
    expect(secondsOf(first)).toBeGreaterThan(3300);
    await expect(countdown).not.toHaveText(first);
    await expect(page.getByRole('status').filter({ hasText: text.indicator })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/session-${language}.png` });

    // The impersonated session really is alice, as Odoo itself says.
    const cookieFile = path.join(harness.dataDir, 'test-only-session-cookie.txt');
    await expect.poll(() => existsSync(cookieFile)).toBe(true);
    const sessionId = readSessionCookie(harness.dataDir);
    expect(await odooUserOf(browser, odooUrl, sessionId)).toBe('Alice Anderson');

    // Stop from the banner: the session ends here and on the server.
    await banner.getByRole('button', { name: text.stop }).click();
    await expect(page.getByRole('heading', { name: text.endedTitle })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: text.endCause })).toBeVisible();
    await expect(frame).toHaveCount(0);
    await expect(page.getByTestId('harness-view')).toHaveCount(0); // the view closed with the session
    expect(await odooUserOf(browser, odooUrl, sessionId)).toBeNull(); // destroyed: Odoo sends it to the login page

    // The Logs screen shows the session with its reason and how it ended.
    await page.getByRole('button', { name: label(language, 'app.nav.logs'), exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: text.reason });
    await expect(row).toBeVisible();
    await expect(row).toContainText(label(language, 'logs.endCause.banner'));
  });
}
