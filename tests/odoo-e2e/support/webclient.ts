// The real Odoo web client inside the harness's frame (Odoo 17, 18 and 19 share
// these selectors; the research notes' browse runs used the same ones).
import { expect, test, type FrameLocator, type Page } from '@playwright/test';

import { harnessView } from '../../e2e/support/harness-view';

/** The view the harness lays in the orange frame. */
export { harnessView as odooView };

/** The first load after a fresh database compiles Odoo's assets: allow for it. */
export const FIRST_LOAD_MS = 120_000;

export async function waitForWebClient(view: FrameLocator): Promise<void> {
  await expect(view.locator('.o_main_navbar')).toBeVisible({ timeout: FIRST_LOAD_MS });
  await expect(view.locator('.o_menu_brand, .o_navbar_apps_menu').first()).toBeVisible();
}

/** The user menu's name (Odoo keeps it in the toggle, shown on wide screens only). */
export function userMenuName(view: FrameLocator) {
  return view.locator('.o_user_menu .oe_topbar_name');
}

/** Alice's apps on the lab servers (Apps comes from base_install_request), and what each shows once loaded. */
export const APPS = {
  Discuss: '.o-mail-Discuss',
  Apps: '.o_kanban_view .o_kanban_record',
} as const;

/** Opens one of the user's apps from the navbar's app menu: the navbar names it, and its content shows. */
export async function openApp(view: FrameLocator, name: keyof typeof APPS): Promise<void> {
  await view.locator('.o_navbar_apps_menu button, .o_navbar_apps_menu .dropdown-toggle').first().click();
  const items = view.locator('.o-dropdown--menu .dropdown-item, .o-dropdown--menu a');
  await items.filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }).first().click();
  await expect(view.locator('.o_menu_brand')).toHaveText(name, { timeout: 30_000 });
  await expect(view.locator(APPS[name]).first()).toBeVisible({ timeout: 30_000 });
}

/**
 * Odoo 17's color picker (in Preferences' signature editor) reads `window.top.frames`,
 * which a page framed by another origin may not: in the harness the Odoo page is the
 * harness's cross-origin iframe, so Odoo shows a client error there. The desktop view
 * is a top-level page, where it does not happen. The requests are made before it.
 */
export async function dismissColorPickerError(page: Page): Promise<void> {
  const error = harnessView(page).locator('.o_error_dialog');
  await expect(error.first()).toBeVisible();
  test.info().annotations.push({ type: 'harness only', description: "Odoo 17's color picker cannot read window.top from a cross-origin iframe" });
  // One dialog closed a click at a time; a dialog still closing, or one more that opens
  // meanwhile, is waited for instead of clicked at (the loop that clicked the last one
  // found could wait on a closing dialog's button until the test's time ran out).
  await expect(async () => {
    const open = await error.count();
    if (open === 0) return;
    await error.last().locator('.modal-footer .btn-primary').click({ timeout: 2_000 });
    throw new Error(`${open} error dialogs were open`);
  }).toPass({ timeout: 60_000 });
}
