// The Connect screen's steps both the connect spec and the screens spec take: fill in a
// new connection, and connect — after which the admin check stays on screen and no
// second Connect is offered.
import type { Locator } from '@playwright/test';
import { expect } from './harness-fixture';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Fills the new-connection form for the simulator's admin (not saved yet). */
export async function fillNewConnection(main: Locator, t: Translate, odooUrl: string, name = 'Simulator'): Promise<void> {
  await main.getByLabel(t('connect.form.name'), { exact: true }).fill(name);
  await main.getByLabel(t('connect.form.url')).fill(odooUrl);
  // The simulator lists its databases: the field becomes a select.
  await main.getByRole('combobox', { name: t('connect.form.database') }).selectOption('odoo');
  await main.getByLabel(t('connect.form.login'), { exact: true }).fill('admin');
  await main.getByLabel(t('connect.form.password'), { exact: true }).fill('admin');
}

/** Connect, then: the same check as Test, with focus on its verdict, and the way on instead of Connect. */
export async function connectAndSeeTheCheck(main: Locator, t: Translate): Promise<void> {
  await main.getByRole('button', { name: t('connect.panel.connect'), exact: true }).click();
  await expect(main.getByRole('heading', { name: t('connect.report.ok.connect') })).toBeFocused();
  // Version, module, Settings administrator, impersonation group, and the two capabilities
  // the version has or lacks (the server-seen IP, ending a crashed session).
  await expect(main.getByRole('list', { name: t('connect.report.checks') }).getByRole('listitem')).toHaveCount(6);
  await expect(main.getByRole('button', { name: t('connect.panel.connect'), exact: true })).toHaveCount(0);
  await expect(main.getByRole('button', { name: t('connect.panel.toUsers') })).toBeVisible();
}
