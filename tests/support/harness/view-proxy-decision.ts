// The view proxy asks the desktop view's own rules (core/view-policy, through core's
// public face) about every request, so that what the desktop view would cancel the
// proxy answers 403. The mapping:
//   - every request, the WebSocket handshake included → decideViewRequest with the
//     session's access (read-only until "Allow changes"), as the desktop
//     view's onBeforeRequest does, over an Electron-free ViewRequest: the server's URL
//     (its origin + the path exactly as the browser sent it) and the body as bytes; a
//     read-marker refused quietly is sent to QUIET_ANSWER_PATH instead, as the desktop
//     view redirects it;
//   - a navigation (Sec-Fetch-Mode: navigate) first → decideFrameNavigation, as
//     will-frame-navigate does. The Odoo page is the harness's iframe, so its own
//     navigations and its subframes' both arrive as `Sec-Fetch-Dest: iframe`: they are
//     judged as the main frame, the stricter rule. For the http(s) URLs that can reach
//     the proxy both rules answer alike (subframes differ only in about:, blob: and the
//     PDF viewer, which never make a request);
//   - a server's redirect → decideNavigation('redirect'), as will-redirect does.
import type { IncomingHttpHeaders } from 'node:http';
import {
  decideFrameNavigation,
  decideNavigation,
  decideViewRequest,
  NO_BODY,
  type OriginPolicy,
  type RequestVerdict,
  type ViewAccess,
  type ViewDecision,
  type ViewRequestBody,
} from '../../../src-main/core';

export function isNavigation(headers: IncomingHttpHeaders): boolean {
  return headers['sec-fetch-mode'] === 'navigate';
}

function bodyOf(bytes: Buffer): ViewRequestBody {
  return bytes.length === 0 ? NO_BODY : { kind: 'bytes', bytes: new Uint8Array(bytes) };
}

/** The URL the server would be asked for: never re-parsed relative to it (`//x` stays a path). */
export function upstreamUrl(policy: OriginPolicy, rawPath: string): string {
  return `${policy.origin}${rawPath}`;
}

/** The frame rule first for a navigation, then the request's verdict with the session's access (read-only or changes allowed). */
export function decideIncoming(
  request: { url: string; method: string; headers: IncomingHttpHeaders; body: Buffer },
  policy: OriginPolicy,
  access: ViewAccess,
): RequestVerdict {
  if (isNavigation(request.headers)) {
    const frame = decideFrameNavigation(request.url, 'main', policy);
    if (!frame.allowed) return { decision: frame, call: null, effect: 'read', quietly: false };
  }
  return decideViewRequest({ url: request.url, method: request.method, body: bodyOf(request.body) }, policy, access);
}

/** A server's Location, resolved against the URL it answered. */
export function decideRedirect(location: string, answered: string, policy: OriginPolicy): { decision: ViewDecision; target: URL | null } {
  let target: URL | null = null;
  try {
    target = new URL(location, answered);
  } catch {
    return { decision: decideNavigation('redirect', location, policy), target: null };
  }
  return { decision: decideNavigation('redirect', target.href, policy), target };
}
