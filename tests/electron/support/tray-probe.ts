// The tray's menu, as the app builds it. The composition root keeps its
// ConsoleTray to itself and Electron offers no list of Tray instances, so the
// probe wraps Menu.buildFromTemplate in the running app and keeps every menu
// whose template has the tray's Stop action (tray-menu-model.ts; the app menu
// has none). ConsoleTray builds a new menu and sets it on its Tray in the same
// call whenever what it shows changes, so the latest one kept is the menu the
// tray shows. Limits: the probe is installed after start-up, so it sees only
// menus built from then on (install it before the session starts); it sees
// what the app hands to the Tray, not whether the desktop draws the icon.
import type { ElectronApplication } from '@playwright/test';
import type { Menu } from 'electron';

type ProbeGlobal = typeof globalThis & { __consoleTrayMenus?: Menu[] };

export interface TrayMenuItem {
  id: string | null;
  label: string;
  type: string;
  enabled: boolean;
}

/** Starts keeping the tray's menus. Idempotent. */
export async function watchTrayMenus(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ Menu: MenuClass }) => {
    const probe = globalThis as ProbeGlobal;
    if (probe.__consoleTrayMenus) return;
    const kept: Menu[] = [];
    probe.__consoleTrayMenus = kept;
    const build = MenuClass.buildFromTemplate;
    MenuClass.buildFromTemplate = (template) => {
      const menu = build.call(MenuClass, template);
      if (template.some((item) => item.id === 'stop')) kept.push(menu);
      return menu;
    };
  });
}

/** The items of the tray's current menu, or null if none was built since watchTrayMenus. */
export function trayMenu(app: ElectronApplication): Promise<TrayMenuItem[] | null> {
  return app.evaluate(() => {
    const menu = (globalThis as ProbeGlobal).__consoleTrayMenus?.at(-1);
    if (!menu) return null;
    return menu.items.map((item) => ({ id: item.id || null, label: item.label, type: item.type, enabled: item.enabled }));
  });
}

/** The status line: the first, disabled item of the tray's current menu. */
export async function trayStatusLine(app: ElectronApplication): Promise<string | null> {
  return (await trayMenu(app))?.[0]?.label ?? null;
}

/**
 * Clicks an item of the tray's current menu the way Electron does when the user
 * picks it (MenuItem.click runs the item's own handler). Refuses a disabled item,
 * which the desktop would not let the user pick.
 */
export async function clickTrayItem(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate((_electron, itemId) => {
    const item = (globalThis as ProbeGlobal).__consoleTrayMenus?.at(-1)?.getMenuItemById(itemId);
    if (!item) throw new Error(`the tray menu has no item ${itemId}`);
    if (!item.enabled) throw new Error(`the tray menu item ${itemId} is disabled`);
    item.click();
  }, id);
}
