// The decisions on what the impersonation view may do, as pure functions: the
// desktop view's guards and the harness's reverse proxy both call these, so a
// request the desktop app would cancel is one the proxy answers 403 (SS-6, AZ-5),
// and a read-marker the desktop app answers quietly the proxy answers the same way.
import type { OriginPolicy } from './origin-policy';
import { strictestVerdict, type ReadOnlyVerdict } from './read-only-allowlist';
import { switchesServerSession } from './session-route-policy';
import { describeViewCall, describeViewCallForms, type ViewCall } from './view-call';
import { ALLOW, refuse, type NavigationKind, type RefusalKind, type ViewDecision, type ViewRequest } from './view-request';

/** A top-level or frame navigation, or a server redirect: the connection's origin only. */
export function decideNavigation(kind: NavigationKind, url: string, origin: OriginPolicy): ViewDecision {
  return origin.allows(url) ? ALLOW : refuse(kind);
}

/** What the session lets the page do now (issue 17): read only, or change data too. */
export interface ViewAccess {
  readonly changesAllowed: boolean;
}

/** Before "Allow changes" (and unless the connection allows them from the start). */
export const READ_ONLY: ViewAccess = { changesAllowed: false };
export const CHANGES_ALLOWED: ViewAccess = { changesAllowed: true };

/**
 * Where a refused read-marker is sent instead (the desktop view redirects it, the
 * harness's proxy forwards it there): Odoo's `/web/session/check` answers any
 * JSON-RPC body with an empty successful envelope (`{"jsonrpc":"2.0","id":N}`; its
 * route ignores parameters it does not take, logging only their names), so the web
 * client goes on as if the marker had been written, with no "Connection lost"
 * notice. Nothing is written: check only reads the session.
 */
export const QUIET_ANSWER_PATH = '/web/session/check';

/** The decision on a request with what it reaches, for the banner and the timeline. */
export interface RequestVerdict {
  readonly decision: ViewDecision;
  /** What the request reaches (null: not the connection's host, nothing to say). */
  readonly call: ViewCall | null;
  /** The read-only allowlist's verdict, whatever the access: the timeline marks writes by it. */
  readonly effect: ReadOnlyVerdict;
  /** Refused as a read-marker: answer from QUIET_ANSWER_PATH instead of cancelling. */
  readonly quietly: boolean;
}

/**
 * A request the page sends (any resource type, navigations and the websocket
 * included). A request that may carry the session cookie (the connection's host,
 * any port) and would end or switch the server session is refused whatever the
 * access: only the console's own stop sequence may do that, so the end is audited
 * (AU-4). Decided on the path as Odoo routes it and the body as Odoo parses it
 * (session-route-policy.ts); on a guarded route, what cannot be read is refused.
 * While the session is read-only, whatever the allowlist does not call a read is
 * refused too (read-only-allowlist.ts).
 */
export function decideViewRequest(request: ViewRequest, origin: OriginPolicy, access: ViewAccess): RequestVerdict {
  if (!origin.sharesCookieWith(request.url)) return { decision: ALLOW, call: null, effect: 'read', quietly: false };
  const call = describeViewCall(request);
  const effect = strictestVerdict(describeViewCallForms(request));
  if (switchesServerSession(request)) return { decision: refuse('session-switch'), call, effect, quietly: false };
  if (access.changesAllowed || effect === 'read') return { decision: ALLOW, call, effect, quietly: false };
  if (effect === 'read-marker') {
    // Only on the connection's own origin: the quiet answer comes from that server.
    return { decision: refuse('read-marker'), call, effect, quietly: origin.allows(request.url) };
  }
  return { decision: refuse(effect === 'bus' ? 'presence' : 'read-only'), call, effect, quietly: false };
}

/** One request of the page as decided, for the session's timeline and the banner (ImpersonationViewPort.onActivity). */
export interface ViewActivity {
  call: ViewCall;
  allowed: boolean;
  refusal: RefusalKind | null;
  /** The read-only allowlist's verdict (a write, a marker, the bus, or a read), whatever the access. */
  effect: ReadOnlyVerdict;
  /** The page that sent it (the request's referrer, a full URL), when known. */
  referrer: string | null;
}

/** What the desktop view and the harness's proxy both report of a verdict: null when it reached no server of the connection. */
export function viewActivity(verdict: RequestVerdict, referrer: string | null): ViewActivity | null {
  if (verdict.call === null) return null;
  const { decision } = verdict;
  return { call: verdict.call, allowed: decision.allowed, refusal: decision.allowed ? null : decision.refusal, effect: verdict.effect, referrer };
}

/** decideViewRequest's decision alone. `access` defaults to changes allowed: the session-switch rules only. */
export function decideRequest(request: ViewRequest, origin: OriginPolicy, access: ViewAccess = CHANGES_ALLOWED): ViewDecision {
  return decideViewRequest(request, origin, access).decision;
}

/** The URL a quietly refused request is answered from: the same origin, QUIET_ANSWER_PATH. */
export function quietAnswerUrl(url: string): string {
  return new URL(QUIET_ANSWER_PATH, url).href;
}
