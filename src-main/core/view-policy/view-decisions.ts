// The decisions on what the impersonation view may do, as pure functions: the
// desktop view's guards and the harness's reverse proxy both call these, so a
// request the desktop app would cancel is one the proxy answers 403 (SS-6, AZ-5).
import type { OriginPolicy } from './origin-policy';
import { switchesServerSession } from './session-route-policy';
import { ALLOW, refuse, type NavigationKind, type ViewDecision, type ViewRequest, type ViewRequestBody } from './view-request';

/** A top-level or frame navigation, or a server redirect: the connection's origin only. */
export function decideNavigation(kind: NavigationKind, url: string, origin: OriginPolicy): ViewDecision {
  return origin.allows(url) ? ALLOW : refuse(kind);
}

/**
 * A request the page sends (any resource type). Requests on the connection's
 * origin that would end or switch the server session are refused: only the
 * console's own stop sequence may do that, so the end is audited (AU-4).
 */
export function decideRequest(request: ViewRequest, origin: OriginPolicy): ViewDecision {
  if (!origin.allows(request.url)) return ALLOW;
  const text = bodyText(request.body);
  return switchesServerSession({ url: request.url, method: request.method, body: text }) ? refuse('session-switch') : ALLOW;
}

function bodyText(body: ViewRequestBody): string | null {
  return body.kind === 'bytes' ? new TextDecoder().decode(body.bytes) : null;
}
