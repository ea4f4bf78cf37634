// A fake of the `electron` module for main-process code, strict where Electron
// 40 is strict, so that the shell and the app's lifecycle can be tested in plain
// Node (the Electron binary never runs on these machines):
//
//   vi.mock('electron', () => import('../../support/electron-mock'));
//   import { electronFake } from '../../support/electron-mock';
//   beforeEach(() => electronFake.reset({ platform: 'win32' }));
//
// WHAT IT MODELS, and where each behaviour comes from (Electron 40.8.5: its
// typings node_modules/electron/electron.d.ts, generated from docs/api, and the
// electron/electron sources named):
// - Request bodies in the four shapes of shell/common/gin_converters/
//   net_converter.cc: {type:'rawData', bytes}, {type:'file', filePath, …},
//   {type:'blob', blobUUID} and {type:'stream', body}. A blob is read through
//   session.getBlobData(uuid) once, while its request is pending
//   (electron_api_data_pipe_holder.cc: the holder lives as long as uploadData;
//   a second read rejects "Could not get blob data", an unknown or released one
//   "Could not get blob data handle"). Reading a stream body takes it away from
//   the request (ChunkedDataPipeReadableStream).          session.ts
// - webRequest.onBeforeRequest: one listener per session, answering through a
//   callback that may come later; a cancel fails a navigation with
//   ERR_BLOCKED_BY_CLIENT.                                 session.ts, navigation.ts
// - Navigation rules (shell/browser/electron_navigation_throttle.cc,
//   WebContents::DidFinishNavigation, lib/browser/api/web-contents.ts):
//   will-frame-navigate for every renderer-initiated navigation of any frame,
//   then will-navigate for the main frame; neither for loadURL; will-redirect
//   for every redirect; preventDefault cancels with ERR_ABORTED, which emits
//   did-fail-provisional-load but never did-fail-load; any other failure commits
//   an error page (chrome-error://chromewebdata/) and emits did-fail-load;
//   loadURL rejects "ERR_ABORTED (-3) loading '…'" when its navigation is
//   refused, with the first main-frame failure otherwise, and ERR_FAILED when
//   the contents are destroyed first.                       navigation.ts
// - Asynchronous destruction: webContents.close() returns at once and
//   'destroyed' follows on a later tick (WebContents::Destroy posts a task);
//   BrowserWindow.close() asks 'close' listeners, then destroys later; every
//   method of a destroyed object throws "Object has been destroyed".
//                                                          web-contents.ts, windows.ts
// - cookies.set validation (Cookies::Set in electron_api_cookies.cc over
//   CanonicalCookie::CreateSanitizedCookie): missing url, bad sameSite, invalid
//   URL or Domain, Secure on a non-secure URL, SameSite=None without Secure,
//   control characters, empty, oversize, __Host-/__Secure- prefixes; same
//   messages; resolves on a later tick.                    cookies.ts
// - The app's quit sequence (Browser::Quit in shell/browser/browser.cc):
//   before-quit (preventable), every window asked to close (one refusal cancels
//   the quit), will-quit, quit; window-all-closed only when not quitting;
//   app.exit() leaves without any event; single-instance lock; second-instance.
//                                                          app.ts, system.ts
// - Readiness: BrowserWindow, WebContentsView, Tray, session, powerMonitor,
//   protocol.handle and net need `ready`; registerSchemesAsPrivileged must come
//   before it (docs/api/protocol.md, power-monitor.md, browser-window.md).
// - Platform events (electron.d.ts @platform tags, docs/api/power-monitor.md,
//   base-window.md, app.md): powerMonitor 'shutdown' on Linux and macOS only;
//   'lock-screen'/'unlock-screen' on macOS and Windows only; on Windows, each
//   window's 'query-session-end' (preventable) then 'session-end', then the
//   process is killed, and before-quit is never emitted (electron/electron#9613,
//   #44598).                                               system.ts
// - safeStorage (docs/api/safe-storage.md): isEncryptionAvailable() false before
//   ready on Linux and Windows, getSelectedStorageBackend() 'unknown' before
//   ready and Linux only, 'basic_text' where no keyring is found; a locked
//   keyring gives no key, so encrypt/decrypt throw Electron's messages.
// - The tray on stock GNOME (3.26+ shows no StatusNotifierItem icons without
//   the AppIndicator extension; Electron's Tray on Linux uses them): the object
//   exists, nobody can see or click it; Linux never delivers 'click'.  tray.ts
// - ipcMain.handle refuses a second handler for a channel, and invoking a
//   channel without a handler rejects.                     app.ts
//
// WHAT IT DOES NOT MODEL (each would need a real launch to confirm):
// - Rendering, scripts, the DOM, Odoo's own pages: a "page" is only the
//   navigations and requests a test makes it do.
// - Which body shape Chromium picks for a given page action (e.g. FormData with
//   a File becoming a blob or a file part): tests choose the shapes.
// - The real timing of the OS: how long Windows waits on a blocked shutdown,
//   macOS's applicationShouldTerminate at logout, systemd's inhibitor delay.
// - Whether a Secure cookie is accepted on http://localhost (Chromium treats
//   localhost as potentially trustworthy; here it is refused like any http).
// - The error page's own loads (did-finish-load for chrome-error://), the
//   built-in PDF viewer's extension frame, service workers, bfcache.
// - WebContentsView contents outliving a closed window, GPU/renderer crashes,
//   and what the keyring does when it is unlocked later in the run.
// - Menus and native images beyond what is stored; the About panel's look.
import { resetApp, configureApp, invokeFrom, ipcChannelsHandled, type FakeAppFacts } from './electron-mock/app';
import { FakeSession, resetSessions, session } from './electron-mock/session';
import { state, type FakeOptions } from './electron-mock/state';
import { becomeReady, powerEvent, secondInstanceLaunched, systemSessionEnds } from './electron-mock/system';
import { Tray, resetMenus } from './electron-mock/tray';
import { BrowserWindow, WebContentsView } from './electron-mock/windows';

export { app, dialog, ipcMain, net, protocol, shell } from './electron-mock/app';
export { cookieRejection, FakeCookies, type FakeCookie } from './electron-mock/cookies';
export { ERR_ABORTED, ERR_BLOCKED_BY_CLIENT, ERROR_PAGE_URL, type NavigationOutcome } from './electron-mock/navigation';
export { blobPart, filePart, rawPart, session, streamPart, FakeSession, type FakeRequest, type FakeUploadPart } from './electron-mock/session';
export { fakeEvent, type FakeEvent, type FakeOptions, type FakeResponse } from './electron-mock/state';
export { powerMonitor, safeStorage } from './electron-mock/system';
export { FakeMenu, Menu, nativeImage, Tray, type FakeImage, type FakeMenuItem } from './electron-mock/tray';
export { FakeWebContents } from './electron-mock/web-contents';
export { BrowserWindow, BrowserWindow as FakeBrowserWindow, WebContentsView, type FakeBounds } from './electron-mock/windows';

function only<T>(items: unknown[], what: string): T {
  if (items.length !== 1) throw new Error(`expected one ${what}, found ${items.length}`);
  return items[0] as T;
}

/** The test's handle on the fake: its state, and what the OS or the user can do to the app. */
export const electronFake = {
  reset(options: FakeOptions & FakeAppFacts = {}): void {
    state.reset(options);
    resetSessions();
    resetApp();
    resetMenus();
    configureApp(options);
  },
  get hooks() {
    return state.hooks;
  },
  get defaultSession(): FakeSession {
    return session.defaultSession;
  },
  get partitions(): Map<string, FakeSession> {
    return state.created.partitions as Map<string, FakeSession>;
  },
  get views(): WebContentsView[] {
    return state.created.views as WebContentsView[];
  },
  get windows(): BrowserWindow[] {
    return state.created.windows as BrowserWindow[];
  },
  get trays(): Tray[] {
    return state.created.trays as Tray[];
  },
  get openedExternally(): string[] {
    return state.openedExternally;
  },
  get errorBoxes() {
    return state.errorBoxes;
  },
  /** How the app left (quit, exit(code), killed by the OS), or null while it runs. */
  get exit() {
    return state.exit;
  },
  get platform() {
    return state.platform;
  },
  onlyView: (): WebContentsView => only(state.created.views, 'WebContentsView'),
  onlyTray: (): Tray => only(state.created.trays, 'Tray'),
  onlyWindow: (): BrowserWindow => only(state.created.windows, 'BrowserWindow'),
  becomeReady,
  powerEvent,
  systemSessionEnds,
  secondInstanceLaunched,
  /** ipcRenderer.invoke from the only window's main frame. */
  invoke: (channel: string, payload?: unknown): Promise<unknown> => invokeFrom(only(state.created.windows, 'BrowserWindow'), channel, payload),
  ipcChannelsHandled,
};
