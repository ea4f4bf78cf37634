// A webContents as main sees it: navigations run by navigation.ts, a history of
// main-frame entries (an error page commits an entry too), asynchronous
// destruction (close() returns at once; `destroyed` follows on a later tick, and
// every method then throws "Object has been destroyed"), window.open through the
// window-open handler, and what main sent to the page.
import { EventEmitter } from 'node:events';
import { loadUrlPromise, runNavigation, ERROR_PAGE_URL, type FrameKind, type NavigationOutcome } from './navigation';
import type { FakeSession, FakeUploadPart } from './session';
import { destroyedError, fakeEvent, state } from './state';

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny';
};

export interface PageNavigation {
  frame?: FrameKind;
  method?: string;
  uploadData?: FakeUploadPart[];
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  windowOpenHandler: WindowOpenHandler | null = null;
  /** Every URL given to loadURL, in order. */
  readonly loadedUrls: string[] = [];
  /** Main-frame history; `error` marks an error page. */
  readonly history: { url: string; error: boolean }[] = [];
  readonly sent: { channel: string; payload: unknown }[] = [];
  /** What webContents.mainFrame answers: one object whose url follows commits. */
  readonly mainFrame = { url: '' };
  private lifecycle: 'alive' | 'closing' | 'destroyed' = 'alive';

  constructor(readonly session: FakeSession) {
    super();
  }

  private alive(): void {
    if (this.lifecycle === 'destroyed') throw destroyedError();
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.alive();
    this.windowOpenHandler = handler;
  }

  /** Browser-initiated: no will-navigate or will-frame-navigate; redirects still ask will-redirect. */
  loadURL(url: string): Promise<void> {
    this.alive();
    this.loadedUrls.push(url);
    const promise = loadUrlPromise(this, url);
    promise.catch(() => {}); // as Electron does: an unobserved failed load is not an unhandled rejection
    void runNavigation(this, { url, frame: 'main', fromPage: false });
    return promise;
  }

  /** What the page does: a link, a form post, `location.href = …`, or an iframe loading `url`. */
  navigateFromPage(url: string, options: PageNavigation = {}): Promise<NavigationOutcome> {
    this.alive();
    return runNavigation(this, { url, frame: options.frame ?? 'main', fromPage: true, method: options.method, uploadData: options.uploadData });
  }

  /** history.pushState or a #fragment change: only did-navigate-in-page. */
  navigateInPage(url: string): void {
    this.alive();
    this.emit('did-start-navigation', fakeEvent({ url, isSameDocument: true, isMainFrame: true }), url, true, true, 1, 1);
    const last = this.history.at(-1);
    if (last) last.url = url;
    this.mainFrame.url = url;
    this.emit('did-navigate-in-page', fakeEvent(), url, true, 1, 1);
  }

  /** Called by the navigation runner when the main frame commits (a page or an error page). */
  commitMainFrame(url: string, error: boolean): void {
    this.history.push({ url, error });
    this.mainFrame.url = error ? ERROR_PAGE_URL : url;
  }

  /** The entry's URL: for an error page, the URL that failed (the frame itself shows chrome-error://). */
  getURL(): string {
    this.alive();
    return this.history.at(-1)?.url ?? '';
  }

  readonly navigationHistory = {
    canGoBack: (): boolean => {
      this.alive();
      return this.history.length > 1;
    },
    length: (): number => {
      this.alive();
      return this.history.length;
    },
  };

  send(channel: string, payload: unknown): void {
    this.alive();
    this.sent.push({ channel, payload });
  }

  /** Closes the page; the contents are destroyed on a later tick (WebContents::Destroy posts a task). */
  close(): void {
    this.alive();
    if (this.lifecycle === 'closing') return;
    this.lifecycle = 'closing';
    setImmediate(() => this.destroyNow());
  }

  /** What Electron does to a view's contents when their window goes: immediate. */
  destroyNow(): void {
    if (this.lifecycle === 'destroyed') return;
    this.lifecycle = 'destroyed';
    this.emit('destroyed');
  }

  isDestroyed(): boolean {
    return this.lifecycle === 'destroyed';
  }

  /** What Electron does when the page asks for a new window (window.open, target=_blank). */
  requestWindow(url: string): { action: 'allow' | 'deny' } {
    this.alive();
    if (!this.windowOpenHandler) return { action: 'allow' };
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' });
  }
}

/** Whether the fake app may still run anything (used by helpers that play the OS). */
export function appStillRunning(): boolean {
  return !state.gone;
}
