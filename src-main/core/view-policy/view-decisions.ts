// The decisions on what the impersonation view may do, as pure functions: the
// desktop view's guards and the harness's reverse proxy both call these, so a
// request the desktop app would cancel is one the proxy answers 403 (SS-6, AZ-5).
import type { OriginPolicy } from './origin-policy';
import { switchesServerSession } from './session-route-policy';
import { ALLOW, refuse, type NavigationKind, type ViewDecision, type ViewRequest } from './view-request';

/** A top-level or frame navigation, or a server redirect: the connection's origin only. */
export function decideNavigation(kind: NavigationKind, url: string, origin: OriginPolicy): ViewDecision {
  return origin.allows(url) ? ALLOW : refuse(kind);
}

/**
 * A request the page sends (any resource type, navigations included). A request
 * that may carry the session cookie (the connection's host, any port) and would end
 * or switch the server session is refused: only the console's own stop sequence may
 * do that, so the end is audited (AU-4). Decided on the path as Odoo routes it and
 * the body as Odoo parses it (session-route-policy.ts); on a guarded route, what
 * cannot be read is refused.
 */
export function decideRequest(request: ViewRequest, origin: OriginPolicy): ViewDecision {
  if (!origin.sharesCookieWith(request.url)) return ALLOW;
  return switchesServerSession(request) ? refuse('session-switch') : ALLOW;
}
