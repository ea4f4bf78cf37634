// The one security boundary for remote content (docs/style.md): every guard of the
// impersonation view is attached here and nowhere else (SS-6, SS-7). The view
// shows a real Odoo page acting as another user, so it may go nowhere but the
// connection's origin, open nothing, ask for nothing, save nothing, and not end
// or switch its own server session. What is allowed is decided by the pure
// rules in core/view-policy, which the harness's proxy applies too; this module
// attaches them to Electron. Each refusal is logged with its kind and the
// origin only (never a path or query).
import type { Event, UploadData, WebContents } from 'electron';
import {
  decideNavigation,
  decideRequest,
  originForLog,
  type Logger,
  type NavigationKind,
  type OriginPolicy,
  type RefusalKind,
  type ViewRequestBody,
} from '../core';

export type RefusalLogger = Pick<Logger, 'warn'>;

export const REFUSAL_EVENT = 'remote-view.refused';

/**
 * Attaches every guard to `contents` and to its session. The session must be the
 * view's own partition: the permission and download handlers apply to all of it.
 */
export function attachRemoteViewGuards(contents: WebContents, policy: OriginPolicy, logger: RefusalLogger): void {
  const refuse = (kind: RefusalKind, url: string, permission?: string): void => {
    logger.warn(REFUSAL_EVENT, { kind, target: originForLog(url), ...(permission ? { permission } : {}) });
  };

  const guardNavigation = (kind: NavigationKind) => (details: Event<{ url: string }>) => {
    const decision = decideNavigation(kind, details.url, policy);
    if (decision.allowed) return;
    details.preventDefault();
    refuse(decision.refusal, details.url);
  };
  contents.on('will-navigate', guardNavigation('navigate'));
  // Redirects are server-chosen: an Odoo behind a misconfigured proxy or SSO
  // could bounce the cookie-carrying view elsewhere.
  contents.on('will-redirect', guardNavigation('redirect'));
  // Subframes too: a cross-origin frame inside the view would be remote content
  // the console vouches for by drawing its frame around it.
  contents.on('will-frame-navigate', guardNavigation('frame-navigate'));

  // Denied, not opened elsewhere: the URL is the remote page's choice, so it
  // never reaches shell.openExternal either.
  contents.setWindowOpenHandler(({ url }) => {
    refuse('new-window', url);
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
  // console's back: only the banner's and the tray's Stop may.
  session.webRequest.onBeforeRequest((details, callback) => {
    let refusal: RefusalKind | null;
    try {
      const decision = decideRequest({ url: details.url, method: details.method, body: requestBody(details.uploadData) }, policy);
      refusal = decision.allowed ? null : decision.refusal;
    } catch {
      refusal = 'session-switch'; // fail closed: an unreadable request is not worth the risk
    }
    if (refusal) refuse(refusal, details.url);
    callback({ cancel: refusal !== null });
  });
}

/** Electron's upload parts as the policy sees them: parts without bytes (blob, stream, file) make it unreadable. */
function requestBody(uploadData: UploadData[] | undefined): ViewRequestBody {
  const parts = uploadData ?? [];
  if (parts.length === 0) return { kind: 'none' };
  const bytes = parts.flatMap((part) => (part.bytes ? [part.bytes] : []));
  if (bytes.length < parts.length) return { kind: 'unreadable', why: 'blob' };
  return { kind: 'bytes', bytes: Buffer.concat(bytes) };
}
