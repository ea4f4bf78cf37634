// The Connect screen's steps the connect specs and the screens spec take: fill in a
// new connection, and connect — after which the admin check stays on screen and no
// second Connect is offered; and two-factor sign-in's code prompt.
import type { Locator, Page } from '@playwright/test';
import { expect } from './harness-fixture';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Fills the new-connection form for a simulator login (not saved yet); the simulator's passwords are the logins. */
export async function fillNewConnection(main: Locator, t: Translate, odooUrl: string, name = 'Simulator', login = 'admin'): Promise<void> {
  await main.getByLabel(t('connect.form.name'), { exact: true }).fill(name);
  await main.getByLabel(t('connect.form.url')).fill(odooUrl);
  // The simulator lists its databases: the field becomes a select.
  await main.getByRole('combobox', { name: t('connect.form.database') }).selectOption('odoo');
  await main.getByLabel(t('connect.form.login'), { exact: true }).fill(login);
  await main.getByLabel(t('connect.form.password'), { exact: true }).fill(login);
}

/** With connections saved already: Add connection, the form, Save; the new one is then chosen. */
export async function addConnection(main: Locator, t: Translate, odooUrl: string, name: string, login: string): Promise<void> {
  await main.getByRole('button', { name: t('connect.list.add') }).click();
  await fillNewConnection(main, t, odooUrl, name, login);
  await main.getByRole('button', { name: t('connect.form.save') }).click();
  await expect(main.getByRole('heading', { name, level: 2 })).toBeVisible();
}

/** The two-factor code prompt, as a dialog named by its title. */
export function codePrompt(page: Page, t: Translate): Locator {
  return page.getByRole('dialog', { name: t('connect.twoFactor.title') });
}

/** Types a code in the prompt and verifies it. */
export async function enterCode(page: Page, t: Translate, code: string): Promise<void> {
  const prompt = codePrompt(page, t);
  await prompt.getByLabel(t('connect.twoFactor.code'), { exact: true }).fill(code);
  await prompt.getByRole('button', { name: t('connect.twoFactor.verify') }).click();
}

/** Connect, then: the same check as Test, with focus on its verdict, and the way on instead of Connect. */
export async function connectAndSeeTheCheck(main: Locator, t: Translate): Promise<void> {
  await main.getByRole('button', { name: t('connect.panel.connect'), exact: true }).click();
  await expect(main.getByRole('heading', { name: t('connect.report.ok.connect') })).toBeFocused();
  // Version, module, Settings administrator, impersonation group, the two capabilities
  // the version has or lacks (the server-seen IP, ending a crashed session), two-factor
  // sign-in of this login, and web.base.url.
  await expect(main.getByRole('list', { name: t('connect.report.checks') }).getByRole('listitem')).toHaveCount(8);
  await expect(main.getByRole('button', { name: t('connect.panel.connect'), exact: true })).toHaveCount(0);
  await expect(main.getByRole('button', { name: t('connect.panel.toUsers') })).toBeVisible();
}
