// Tray, Menu and nativeImage. A Tray needs the app to be ready. On Linux
// Electron draws the icon through StatusNotifierItem, which stock GNOME Shell
// (3.26 and later, without the AppIndicator extension) does not display: the
// Tray object exists and takes its menu, but the user never sees it. Linux
// delivers no 'click' on the icon either.
import { EventEmitter } from 'node:events';
import { state } from './state';

export interface FakeMenuItem {
  id?: string;
  label?: string;
  type?: string;
  role?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: FakeMenuItem[];
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}

  /** Clicks the item with this label, as a user would (throws if absent or disabled). */
  click(label: string): void {
    const item = this.items.find((candidate) => candidate.label === label);
    if (!item) throw new Error(`no menu item labelled ${label}`);
    if (item.enabled === false) throw new Error(`menu item ${label} is disabled`);
    item.click?.();
  }
}

let applicationMenu: FakeMenu | null = null;

export const Menu = {
  buildFromTemplate(template: FakeMenuItem[]): FakeMenu {
    return new FakeMenu(template.map((item) => ({ ...item })));
  },
  setApplicationMenu(menu: FakeMenu | null): void {
    applicationMenu = menu;
  },
  getApplicationMenu(): FakeMenu | null {
    return applicationMenu;
  },
};

export interface FakeImage {
  path: string;
  isEmpty(): boolean;
}

export const nativeImage = {
  createFromPath(path: string): FakeImage {
    return { path, isEmpty: () => false };
  },
};

/** Whether the user can see a tray icon on the fake's platform and desktop. */
export function trayIsVisible(): boolean {
  return !(state.platform === 'linux' && /gnome/i.test(state.desktop));
}

export class Tray extends EventEmitter {
  image: FakeImage;
  tooltip = '';
  menu: FakeMenu | null = null;
  readonly menusSet: FakeMenu[] = [];
  /** False on stock GNOME: nobody can see or click it. */
  readonly visibleToUser = trayIsVisible();
  private destroyed = false;

  constructor(image: FakeImage) {
    super();
    state.requireReady('Tray');
    this.image = image;
    state.created.trays.push(this);
  }

  setImage(image: FakeImage): void {
    this.image = image;
  }

  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }

  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu;
    if (menu) this.menusSet.push(menu);
  }

  /** The user clicking the icon: possible only where it is shown, and never delivered on Linux. */
  userClicks(): void {
    if (!this.visibleToUser) throw new Error('the tray icon is not shown on this desktop');
    if (state.platform !== 'linux') this.emit('click');
  }

  /** The user choosing an item of the tray's menu. */
  userChooses(label: string): void {
    if (!this.visibleToUser) throw new Error('the tray icon is not shown on this desktop');
    if (!this.menu) throw new Error('the tray has no menu');
    this.menu.click(label);
  }

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export function resetMenus(): void {
  applicationMenu = null;
}
