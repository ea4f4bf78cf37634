// A fake of the pieces of the `electron` module that src-main/shell uses, so the
// shell can be unit-tested in plain Node (the Electron binary never runs here):
//
//   vi.mock('electron', () => import('../../support/electron-mock'));
//   import { electronFake } from '../../support/electron-mock';
//
// It records what the code under test did (views, cookies, handlers, menus) and
// lets a test fire what Electron would (navigation events, permission requests,
// power events). Call electronFake.reset() before each test.
import { EventEmitter } from 'node:events';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** An Electron-style event carrying `params`, recording preventDefault(). */
export function fakeEvent<P extends object>(params: P = {} as P): FakeEvent & P {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

// ---------------------------------------------------------------- session

export interface FakeCookie {
  url: string;
  name?: string;
  value?: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  expirationDate?: number;
  sameSite?: string;
}

export class FakeCookies {
  readonly jar: FakeCookie[] = [];

  async set(details: FakeCookie): Promise<void> {
    await electronFake.hooks.cookieSet(details);
    this.jar.push({ ...details });
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: object) => boolean;
type DevicePermissionHandler = (details: { deviceType: string; origin: string; device: object }) => boolean;

export interface FakeRequest {
  url: string;
  method: string;
  uploadData?: { bytes?: Buffer }[];
}
type BeforeRequestListener = (details: FakeRequest, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession extends EventEmitter {
  readonly cookies = new FakeCookies();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DevicePermissionHandler | null = null;
  readonly cleared = { storage: 0, cache: 0, authCache: 0 };
  beforeRequest: BeforeRequestListener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener | null): void => {
      this.beforeRequest = listener;
    },
  };

  constructor(readonly partition: string) {
    super();
  }

  /** What the network stack does before sending a request: ask the listener, if any. */
  request(details: FakeRequest): Promise<{ cancel: boolean }> {
    const listener = this.beforeRequest;
    if (!listener) return Promise.resolve({ cancel: false });
    return new Promise((resolve) => listener(details, (response) => resolve({ cancel: response.cancel === true })));
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler;
  }

  async clearStorageData(): Promise<void> {
    await electronFake.hooks.clearStorageData(this);
    this.cleared.storage += 1;
    this.cookies.jar.length = 0;
  }

  async clearCache(): Promise<void> {
    this.cleared.cache += 1;
  }

  async clearAuthCache(): Promise<void> {
    this.cleared.authCache += 1;
  }
}

export const session = {
  get defaultSession(): FakeSession {
    return electronFake.defaultSession;
  },
  fromPartition(partition: string): FakeSession {
    if (partition === '') return electronFake.defaultSession;
    let found = electronFake.partitions.get(partition);
    if (!found) {
      found = new FakeSession(partition);
      electronFake.partitions.set(partition, found);
    }
    return found;
  },
};

// ---------------------------------------------------------------- web contents and views

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny';
};

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly loadedUrls: string[] = [];
  private destroyed = false;

  constructor(readonly session: FakeSession) {
    super();
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    await electronFake.hooks.loadURL(url, this);
  }

  close(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** What Electron does when the page asks for a new window (window.open, target=_blank). */
  requestWindow(url: string): { action: 'allow' | 'deny' } {
    if (!this.windowOpenHandler) return { action: 'allow' };
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' });
  }
}

export interface FakeBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeViewOptions {
  webPreferences?: Record<string, unknown> & { partition?: string };
}

export class WebContentsView {
  readonly webContents: FakeWebContents;
  bounds: FakeBounds = { x: 0, y: 0, width: 0, height: 0 };
  visible = true;

  constructor(readonly options: FakeViewOptions = {}) {
    this.webContents = new FakeWebContents(session.fromPartition(options.webPreferences?.partition ?? ''));
    electronFake.views.push(this);
  }

  setBounds(bounds: FakeBounds): void {
    this.bounds = { ...bounds };
  }

  getBounds(): FakeBounds {
    return { ...this.bounds };
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
  }
}

/** Stands in for the main BrowserWindow: only what a view host needs. */
export class FakeBrowserWindow {
  readonly children: unknown[] = [];
  destroyed = false;
  title = '';
  readonly contentView = {
    addChildView: (view: unknown): void => {
      this.children.push(view);
    },
    removeChildView: (view: unknown): void => {
      const index = this.children.indexOf(view);
      if (index >= 0) this.children.splice(index, 1);
    },
  };

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setTitle(title: string): void {
    this.title = title;
  }
}

// ---------------------------------------------------------------- tray and menus

export interface FakeMenuItem {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
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

export const Menu = {
  buildFromTemplate(template: FakeMenuItem[]): FakeMenu {
    return new FakeMenu(template.map((item) => ({ ...item })));
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

export class Tray extends EventEmitter {
  image: FakeImage;
  tooltip = '';
  menu: FakeMenu | null = null;
  readonly menusSet: FakeMenu[] = [];
  private destroyed = false;

  constructor(image: FakeImage) {
    super();
    this.image = image;
    electronFake.trays.push(this);
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

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

// ---------------------------------------------------------------- process-wide modules

export const powerMonitor = new EventEmitter();

export const shell = {
  async openExternal(url: string): Promise<void> {
    electronFake.openedExternally.push(url);
  },
};

export const app = {
  getName: (): string => 'Impersonation Console',
  quit: (): void => {
    electronFake.quitCalls += 1;
  },
};

// ---------------------------------------------------------------- the fake's own state

interface Hooks {
  /** Runs inside cookies.set before the cookie lands; throw to make it fail. */
  cookieSet(details: FakeCookie): Promise<void> | void;
  /** Runs inside webContents.loadURL; throw to make the load fail. */
  loadURL(url: string, contents: FakeWebContents): Promise<void> | void;
  clearStorageData(session: FakeSession): Promise<void> | void;
}

const defaultHooks = (): Hooks => ({ cookieSet: () => {}, loadURL: () => {}, clearStorageData: () => {} });

export const electronFake = {
  defaultSession: new FakeSession(''),
  partitions: new Map<string, FakeSession>(),
  views: [] as WebContentsView[],
  trays: [] as Tray[],
  openedExternally: [] as string[],
  quitCalls: 0,
  hooks: defaultHooks(),

  reset(): void {
    this.defaultSession = new FakeSession('');
    this.partitions.clear();
    this.views.length = 0;
    this.trays.length = 0;
    this.openedExternally.length = 0;
    this.quitCalls = 0;
    this.hooks = defaultHooks();
    powerMonitor.removeAllListeners();
  },

  /** The only view created so far (fails the test if there is not exactly one). */
  onlyView(): WebContentsView {
    if (this.views.length !== 1) throw new Error(`expected one WebContentsView, found ${this.views.length}`);
    return this.views[0]!;
  },

  onlyTray(): Tray {
    if (this.trays.length !== 1) throw new Error(`expected one Tray, found ${this.trays.length}`);
    return this.trays[0]!;
  },
};
