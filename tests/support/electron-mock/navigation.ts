// How a navigation runs in Electron 40, event by event, for the fake
// webContents. Sources: ElectronNavigationThrottle (will-frame-navigate, then
// will-navigate for the main frame, only for renderer-initiated navigations —
// never for loadURL; will-redirect for every redirect; a preventDefault cancels
// with ERR_ABORTED), WebContents::DidFinishNavigation in
// electron_api_web_contents.cc (did-fail-provisional-load always,
// did-fail-load except for ERR_ABORTED; an error page commits), and the
// network stack (webRequest.onBeforeRequest between the throttle and the
// server; a cancel is ERR_BLOCKED_BY_CLIENT).
import { fakeEvent, state, type FakeResponse } from './state';
import type { FakeUploadPart } from './session';
import type { FakeWebContents } from './web-contents';

export type FrameKind = 'main' | 'sub';

export interface NavigationRequest {
  url: string;
  frame: FrameKind;
  /** Renderer-initiated (a link, a form, location.href, an iframe's src), as opposed to loadURL. */
  fromPage: boolean;
  method?: string;
  uploadData?: FakeUploadPart[];
}

/** How a navigation ended: committed, cancelled by a guard (ERR_ABORTED), or failed with a net error (an error page). */
export type NavigationOutcome = { kind: 'committed'; url: string } | { kind: 'cancelled' } | { kind: 'failed'; code: number };

export const ERR_ABORTED = -3;
export const ERR_BLOCKED_BY_CLIENT = -20;
export const ERROR_PAGE_URL = 'chrome-error://chromewebdata/';

const NET_ERRORS: Record<number, string> = {
  [-2]: 'ERR_FAILED',
  [ERR_ABORTED]: 'ERR_ABORTED',
  [ERR_BLOCKED_BY_CLIENT]: 'ERR_BLOCKED_BY_CLIENT',
  [-102]: 'ERR_CONNECTION_REFUSED',
  [-105]: 'ERR_NAME_NOT_RESOLVED',
};

export function netErrorName(code: number): string {
  return NET_ERRORS[code] ?? 'ERR_FAILED';
}

function isNetworkUrl(url: string): boolean {
  return /^(https?|wss?):/i.test(url);
}

export async function runNavigation(contents: FakeWebContents, request: NavigationRequest): Promise<NavigationOutcome> {
  const isMainFrame = request.frame === 'main';
  let url = request.url;
  const alive = () => !contents.isDestroyed() && !state.gone;
  const fail = (code: number): NavigationOutcome => {
    const description = netErrorName(code);
    contents.emit('did-fail-provisional-load', fakeEvent(), code, description, url, isMainFrame, 1, 1);
    if (code === ERR_ABORTED) {
      contents.emit('did-stop-loading', fakeEvent());
      return { kind: 'cancelled' };
    }
    contents.emit('did-fail-load', fakeEvent(), code, description, url, isMainFrame, 1, 1);
    if (isMainFrame) contents.commitMainFrame(url, true);
    contents.emit('did-stop-loading', fakeEvent());
    return { kind: 'failed', code };
  };

  // Nothing happens within the call that started it: Chromium navigates on its own loop.
  await Promise.resolve();
  if (!alive()) return { kind: 'cancelled' };
  contents.emit('did-start-loading', fakeEvent());
  contents.emit('did-start-navigation', fakeEvent({ url, isSameDocument: false, isMainFrame }), url, false, isMainFrame, 1, 1);
  if (request.fromPage) {
    const params = { url, isMainFrame, isSameDocument: false, frame: null, initiator: null };
    const frameEvent = fakeEvent(params);
    contents.emit('will-frame-navigate', frameEvent);
    if (frameEvent.defaultPrevented) return fail(ERR_ABORTED);
    if (isMainFrame) {
      const navigateEvent = fakeEvent(params);
      contents.emit('will-navigate', navigateEvent, url, false, true, 1, 1);
      if (navigateEvent.defaultPrevented) return fail(ERR_ABORTED);
    }
  }

  let method = request.method ?? 'GET';
  let uploadData = request.uploadData;
  for (let hops = 0; isNetworkUrl(url); hops += 1) {
    if (hops > 20) return fail(-310); // ERR_TOO_MANY_REDIRECTS
    const resourceType = isMainFrame ? 'mainFrame' : 'subFrame';
    const { cancel } = await contents.session.request({ url, method, resourceType, uploadData });
    if (!alive()) return { kind: 'cancelled' };
    if (cancel) return fail(ERR_BLOCKED_BY_CLIENT);
    const response: FakeResponse = await state.hooks.respond(url, contents);
    if (!alive()) return { kind: 'cancelled' };
    if ('netError' in response) return fail(response.netError);
    if (!('redirect' in response)) break;
    const target = new URL(response.redirect, url).href;
    const redirectEvent = fakeEvent({ url: target, isMainFrame, isSameDocument: false, frame: null });
    contents.emit('will-redirect', redirectEvent, target, false, isMainFrame, 1, 1);
    if (redirectEvent.defaultPrevented) return fail(ERR_ABORTED);
    url = target;
    // A 302/303 after a POST is followed with a GET and no body.
    method = 'GET';
    uploadData = undefined;
  }

  if (isMainFrame) {
    contents.commitMainFrame(url, false);
    contents.emit('did-navigate', fakeEvent(), url, 200, 'OK');
  }
  contents.emit('did-frame-navigate', fakeEvent(), url, 200, 'OK', isMainFrame, 1, 1);
  contents.emit('did-frame-finish-load', fakeEvent(), isMainFrame, 1, 1);
  if (isMainFrame) contents.emit('did-finish-load', fakeEvent());
  contents.emit('did-stop-loading', fakeEvent());
  return { kind: 'committed', url };
}

/**
 * webContents.loadURL's promise, following lib/browser/api/web-contents.ts:
 * resolves on did-finish-load, rejects with the main frame's first failure
 * ("ERR_ABORTED (-3) loading '…'") once loading stops, with ERR_ABORTED when
 * another main-frame navigation starts, and with ERR_FAILED when the contents
 * are destroyed first.
 */
export function loadUrlPromise(contents: FakeWebContents, url: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let navigationStarted = false;
    let error: { errorCode: number; errorDescription: string; url: string } | null = null;
    const cleanup = () => {
      contents.off('did-finish-load', onFinish);
      contents.off('did-fail-load', onFail);
      contents.off('did-fail-provisional-load', onFail);
      contents.off('did-start-navigation', onStart);
      contents.off('did-stop-loading', onStop);
      contents.off('destroyed', onStop);
    };
    const rejectWith = (failure: { errorCode: number; errorDescription: string; url: string }) => {
      cleanup();
      const err = Object.assign(new Error(`${failure.errorDescription} (${failure.errorCode}) loading '${failure.url}'`), {
        errno: failure.errorCode,
        code: failure.errorDescription,
        url: failure.url,
      });
      reject(err);
    };
    const onFinish = () => {
      if (error) return rejectWith(error);
      cleanup();
      resolve();
    };
    const onStart = (_event: unknown, startedUrl: string, isSameDocument: boolean, isMainFrame: boolean) => {
      if (!isMainFrame) return;
      if (navigationStarted && !isSameDocument) {
        return rejectWith({ errorCode: ERR_ABORTED, errorDescription: 'ERR_ABORTED', url: startedUrl });
      }
      navigationStarted = true;
    };
    const onFail = (_event: unknown, errorCode: number, errorDescription: string, validatedUrl: string, isMainFrame: boolean) => {
      if (!error && isMainFrame) error = { errorCode, errorDescription, url: validatedUrl };
      if (!navigationStarted && isMainFrame) onFinish();
    };
    const onStop = () => {
      error ??= { errorCode: -2, errorDescription: 'ERR_FAILED', url };
      onFinish();
    };
    contents.on('did-finish-load', onFinish);
    contents.on('did-fail-load', onFail);
    contents.on('did-fail-provisional-load', onFail);
    contents.on('did-start-navigation', onStart);
    contents.on('did-stop-loading', onStop);
    contents.on('destroyed', onStop);
  });
}
