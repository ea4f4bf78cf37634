// The fake's own state, shared by every module of the mock: which platform and
// desktop it plays, whether the app is ready, what was created, and the hooks a
// test uses to play the server or the OS. Nothing here imports the other
// modules, so they can all import it.
import { EventEmitter } from 'node:events';

export type FakePlatform = 'linux' | 'darwin' | 'win32';

/** What the OS keychain behind safeStorage does (Linux names the backend). */
export type FakeKeyring = 'available' | 'locked' | 'basic_text';

export interface FakeOptions {
  platform?: FakePlatform;
  /** XDG_CURRENT_DESKTOP on Linux: 'GNOME' shows no status icons (no tray). */
  desktop?: string;
  /** Component tests start ready; lifecycle tests start before `ready` and call `becomeReady()`. */
  ready?: boolean;
  keyring?: FakeKeyring;
  /** Command-line switches the app was started with (e.g. 'no-sandbox'). */
  switches?: string[];
}

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

/** What a fake server answers for one request of a view (see `hooks.respond`). */
export type FakeResponse =
  | { status?: number }
  | { redirect: string }
  /** A network error, e.g. -102 ERR_CONNECTION_REFUSED. */
  | { netError: number; description?: string };

export interface FakeHooks {
  /** The server: answers each navigation request (default 200). May return a promise to hold the load. */
  respond(url: string, contents: unknown): FakeResponse | Promise<FakeResponse>;
  /** Runs inside cookies.set after validation; throw to make the store fail. */
  cookieSet(details: object): Promise<void> | void;
  clearStorageData(session: unknown): Promise<void> | void;
}

const defaultHooks = (): FakeHooks => ({ respond: () => ({ status: 200 }), cookieSet: () => {}, clearStorageData: () => {} });

/** Electron's message for any call on a destroyed object (a TypeError). */
export function destroyedError(): TypeError {
  return new TypeError('Object has been destroyed');
}

/** powerMonitor: like Electron's, unusable before `ready` (docs/api/power-monitor.md). */
class FakePowerMonitor extends EventEmitter {
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    state.requireReady('powerMonitor');
    return super.on(event, listener);
  }
}

export const powerMonitor = new FakePowerMonitor();
export const appEvents = new EventEmitter();

export const state = {
  platform: 'linux' as FakePlatform,
  desktop: 'KDE',
  ready: true,
  keyring: 'available' as FakeKeyring,
  switches: new Set<string>(),
  hooks: defaultHooks(),
  created: {
    views: [] as unknown[],
    windows: [] as unknown[],
    trays: [] as unknown[],
    partitions: new Map<string, unknown>(),
  },
  openedExternally: [] as string[],
  errorBoxes: [] as { title: string; content: string }[],
  /** Filled when the fake app leaves: how, and with which code. */
  exit: null as null | { how: 'quit' | 'exit' | 'killed'; code: number },
  readyListeners: [] as (() => void)[],

  reset(options: FakeOptions = {}): void {
    this.platform = options.platform ?? 'linux';
    this.desktop = options.desktop ?? 'KDE';
    this.ready = options.ready ?? true;
    this.keyring = options.keyring ?? 'available';
    this.switches = new Set(options.switches ?? []);
    this.hooks = defaultHooks();
    this.created.views.length = 0;
    this.created.windows.length = 0;
    this.created.trays.length = 0;
    this.created.partitions.clear();
    this.openedExternally.length = 0;
    this.errorBoxes.length = 0;
    this.exit = null;
    this.readyListeners.length = 0;
    powerMonitor.removeAllListeners();
    appEvents.removeAllListeners();
  },

  /** Throws as Electron does when a module is used before `ready`. */
  requireReady(what: string): void {
    if (!this.ready) throw new Error(`${what} cannot be used before the app is ready`);
  },

  /** The app has left: nothing may happen any more. */
  get gone(): boolean {
    return this.exit !== null;
  },
};
