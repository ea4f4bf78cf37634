// The process-wide modules: app (the quit sequence of Browser::Quit in
// shell/browser/browser.cc: before-quit, then every window asked to close —
// one refusal cancels the quit — then will-quit and quit; window-all-closed
// only when not quitting; app.exit() leaves at once without any event),
// dialog, protocol, net, ipcMain and shell.
import { BrowserWindow } from './windows';
import { appEvents, fakeEvent, state } from './state';

const facts = {
  appPath: '/opt/impersonation-console/resources/app.asar',
  isPackaged: false,
  userData: '/tmp/impersonation-console-user-data',
  locale: 'en-US',
  singleInstance: true,
};
let quitting = false;

export interface FakeAppFacts {
  appPath?: string;
  isPackaged?: boolean;
  userData?: string;
  locale?: string;
  /** False: another instance holds the lock. */
  singleInstance?: boolean;
}

export function configureApp(next: FakeAppFacts): void {
  Object.assign(facts, next);
}

export function resetApp(): void {
  Object.assign(facts, { appPath: '/opt/impersonation-console/resources/app.asar', isPackaged: false, userData: '/tmp/impersonation-console-user-data', locale: 'en-US', singleInstance: true });
  quitting = false;
  ipcHandlers.clear();
}

function shutdownNow(): void {
  const willQuit = fakeEvent();
  appEvents.emit('will-quit', willQuit);
  if (willQuit.defaultPrevented) {
    quitting = false;
    return;
  }
  appEvents.emit('quit', fakeEvent(), 0);
  state.exit = { how: 'quit', code: 0 };
}

/** windows.ts tells us when a window is gone. */
export function windowWasClosed(): void {
  if (state.gone || BrowserWindow.getAllWindows().length > 0) return;
  if (quitting) return shutdownNow();
  // Without a listener Electron quits by itself; with one, the app decides.
  if (appEvents.listenerCount('window-all-closed') === 0) app.quit();
  else appEvents.emit('window-all-closed');
}

export function windowCloseCancelled(): void {
  quitting = false;
}

export const app = {
  get isPackaged(): boolean {
    return facts.isPackaged;
  },
  commandLine: {
    hasSwitch: (name: string): boolean => state.switches.has(name),
    appendSwitch: (name: string): void => void state.switches.add(name),
  },
  requestSingleInstanceLock: (): boolean => facts.singleInstance,
  isReady: (): boolean => state.ready,
  whenReady: (): Promise<void> =>
    state.ready ? Promise.resolve() : new Promise<void>((resolve) => state.readyListeners.push(resolve)),
  getAppPath: (): string => facts.appPath,
  getPath: (name: string): string => {
    if (name === 'userData') return facts.userData;
    throw new Error(`Failed to get '${name}' path`);
  },
  getName: (): string => 'Impersonation Console',
  getVersion: (): string => '0.1.0',
  getLocale: (): string => facts.locale,
  setAboutPanelOptions: (): void => {},
  showAboutPanel: (): void => {},
  on: (event: string, listener: (...args: never[]) => void) => appEvents.on(event, listener as (...args: unknown[]) => void),
  once: (event: string, listener: (...args: never[]) => void) => appEvents.once(event, listener as (...args: unknown[]) => void),
  off: (event: string, listener: (...args: never[]) => void) => appEvents.off(event, listener as (...args: unknown[]) => void),
  quit: (): void => {
    if (state.gone || quitting) return;
    const beforeQuit = fakeEvent();
    appEvents.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    quitting = true;
    const windows = BrowserWindow.getAllWindows();
    if (windows.length === 0) return shutdownNow();
    for (const window of windows) {
      if (!quitting) break; // a window refused: the quit is off
      window.close();
    }
  },
  /** Leaves now: windows are destroyed without being asked, no before-quit or will-quit. */
  exit: (code = 0): void => {
    if (state.gone) return;
    state.exit = { how: 'exit', code };
    for (const window of BrowserWindow.getAllWindows()) window.destroy();
  },
};

export const dialog = {
  /** Before ready on Linux Electron prints to stderr instead; recorded the same way here. */
  showErrorBox: (title: string, content: string): void => {
    state.errorBoxes.push({ title, content });
  },
};

export const protocol = {
  registered: [] as string[],
  registerSchemesAsPrivileged: (schemes: { scheme: string }[]): void => {
    if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    protocol.registered.push(...schemes.map((scheme) => scheme.scheme));
  },
  handle: (scheme: string, _handler: unknown): void => {
    state.requireReady('protocol.handle');
    protocol.registered.push(`handle:${scheme}`);
  },
};

export const net = {
  fetch: async (): Promise<Response> => {
    state.requireReady('net.fetch');
    return new Response('');
  },
};

type IpcListener = (event: unknown, payload: unknown) => Promise<unknown>;
const ipcHandlers = new Map<string, IpcListener>();

export const ipcMain = {
  handle: (channel: string, listener: IpcListener): void => {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, listener);
  },
  removeHandler: (channel: string): void => void ipcHandlers.delete(channel),
};

/** What ipcRenderer.invoke from `sender`'s main frame reaches in main (no handler: Electron rejects). */
export async function invokeFrom(sender: { webContents: { mainFrame: unknown } }, channel: string, payload?: unknown): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
  return handler({ sender: sender.webContents, senderFrame: sender.webContents.mainFrame }, payload);
}

export function ipcChannelsHandled(): string[] {
  return [...ipcHandlers.keys()];
}

export const shell = {
  async openExternal(url: string): Promise<void> {
    state.openedExternally.push(url);
  },
};
