// The one security boundary for remote content (docs/style.md): every guard of the
// impersonation view is attached here and nowhere else (SS-6, SS-7). The view
// shows a real Odoo page acting as another user, so it may go nowhere but the
// connection's origin, open nothing, ask for nothing, save nothing, and not end
// or switch its own server session. What is allowed is decided by the pure
// rules in core/view-policy, which the harness's proxy applies too; this module
// attaches them to Electron. Each refusal is logged with its kind and the
// origin only (never a path or query); the ones the admin would notice (the
// page not going where it was sent) are also reported to `onRefused`.
import type { Event, WebContents } from 'electron';
import {
  decideFrameNavigation,
  decideNavigation,
  decideViewRequest,
  originForLog,
  quietAnswerUrl,
  READ_ONLY,
  viewActivity,
  type Logger,
  type OriginPolicy,
  type RefusalKind,
  type ViewAccess,
  type ViewActivity,
} from '../core';
import { readRequestBody } from './request-body';

export type RefusalLogger = Pick<Logger, 'warn'>;

export const REFUSAL_EVENT = 'remote-view.refused';

/** A refusal of something the main frame would have shown: the full URL stays in main. */
export interface MainFrameRefusal {
  kind: Extract<RefusalKind, 'navigate' | 'redirect' | 'session-switch' | 'new-window'>;
  url: string;
}

export interface GuardOptions {
  onRefused?(refusal: MainFrameRefusal): void;
  /** What the page may do now (issue 17): asked on every request, so "Allow changes" applies at once. Read-only when absent. */
  access?(): ViewAccess;
  /** Every request of the connection's host as decided: the session's timeline and the banner. */
  onActivity?(activity: ViewActivity): void;
}

interface FrameNavigation {
  url: string;
  isMainFrame: boolean;
}

/**
 * Attaches every guard to `contents` and to its session. The session must be the
 * view's own partition: the permission and download handlers apply to all of it.
 */
export function attachRemoteViewGuards(contents: WebContents, policy: OriginPolicy, logger: RefusalLogger, options: GuardOptions = {}): void {
  const refuse = (kind: RefusalKind, url: string, permission?: string): void => {
    logger.warn(REFUSAL_EVENT, { kind, target: originForLog(url), ...(permission ? { permission } : {}) });
  };
  const report = (kind: MainFrameRefusal['kind'], url: string) => options.onRefused?.({ kind, url });

  // Fired first, for every frame and only for what the page starts (never for
  // our loadURL): the main frame gets the origin, a subframe the frame rules.
  contents.on('will-frame-navigate', (details: Event<FrameNavigation>) => {
    const decision = decideFrameNavigation(details.url, details.isMainFrame ? 'main' : 'sub', policy);
    if (decision.allowed) return;
    details.preventDefault();
    refuse(decision.refusal, details.url);
    if (details.isMainFrame) report('navigate', details.url);
  });
  // The second lock on the main frame: Electron asks it only when the above allowed.
  contents.on('will-navigate', (details: Event<{ url: string }>) => {
    if (decideNavigation('navigate', details.url, policy).allowed) return;
    details.preventDefault();
    refuse('navigate', details.url);
    report('navigate', details.url);
  });
  // Redirects are server-chosen: an Odoo behind a misconfigured proxy or SSO
  // could bounce the cookie-carrying view elsewhere.
  contents.on('will-redirect', (details: Event<FrameNavigation>) => {
    if (decideNavigation('redirect', details.url, policy).allowed) return;
    details.preventDefault();
    refuse('redirect', details.url);
    if (details.isMainFrame) report('redirect', details.url);
  });

  // Denied, not opened elsewhere: the URL is the remote page's choice, so it
  // never reaches shell.openExternal either.
  contents.setWindowOpenHandler(({ url }) => {
    refuse('new-window', url);
    report('new-window', url);
    return { action: 'deny' };
  });

  // webviewTag is off already; this is the second lock on the same door.
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    refuse('webview', params.src ?? '');
  });

  const session = contents.session;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    refuse('permission-request', details.requestingUrl, permission);
    callback(false);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    refuse('permission-check', requestingOrigin, permission);
    return false;
  });
  session.setDevicePermissionHandler((details) => {
    refuse('device-permission', details.origin, details.deviceType);
    return false;
  });
  // A download would put the impersonated user's data on the admin's disk,
  // outside the audit's view.
  session.on('will-download', (event, item) => {
    event.preventDefault();
    refuse('download', item.getURL());
  });
  // Logging out, going "back to the original user" or logging in again from
  // inside the page would end or switch the server session behind the
  // console's back: only the banner's and the tray's Stop may. While the session
  // is read-only (issue 17), whatever would change data is refused too, and a
  // marker Odoo writes by itself while she only looks is answered quietly from
  // the server's session check instead. The body is read first (a Blob's bytes
  // through getBlobData), so the request waits.
  session.webRequest.onBeforeRequest((details, callback) => {
    const decide = async () => {
      try {
        const body = await readRequestBody(details.uploadData, session);
        return decideViewRequest({ url: details.url, method: details.method, body }, policy, options.access?.() ?? READ_ONLY);
      } catch {
        return null; // fail closed: an unreadable request is not worth the risk
      }
    };
    void decide().then((verdict) => {
      if (verdict === null) {
        refuse('session-switch', details.url);
        callback({ cancel: true });
        return;
      }
      const activity = viewActivity(verdict, details.referrer || null);
      if (activity) options.onActivity?.(activity);
      const { decision } = verdict;
      if (decision.allowed) return callback({ cancel: false });
      refuse(decision.refusal, details.url);
      if (details.resourceType === 'mainFrame' && decision.refusal === 'session-switch') report('session-switch', details.url);
      // A 307 keeps the method and body: Odoo's check answers the JSON-RPC call with an empty success.
      if (verdict.quietly) return callback({ redirectURL: quietAnswerUrl(details.url) });
      callback({ cancel: true });
    });
  });
}
