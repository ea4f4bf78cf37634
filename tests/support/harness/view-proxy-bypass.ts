// TEST-ONLY: a deliberate hole in the view proxy's policy, so that a real-server test
// can play what the request policy exists to stop — page script that got a session
// switch past it — and prove that the tripwire, the second lock, ends the session
// (issue 11.9). Off unless the harness is started with --test-only-policy-bypass; then
// a request that carries POLICY_BYPASS_HEADER with the open view's own random token
// (written to the harness's data folder, for the test alone) is forwarded undecided.
// Nothing here exists in the desktop app, and the package check looks for the header's
// name in the package to prove that no packaged file carries it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** The request header that names the bypass; never forwarded to Odoo. */
export const POLICY_BYPASS_HEADER = 'x-test-only-policy-bypass';

export function newBypassToken(): string {
  return randomBytes(24).toString('base64url');
}

/** True when the request carries exactly this view's token (a token is required: no header, no bypass). */
export function carriesBypass(headers: IncomingHttpHeaders, token: string | null | undefined): boolean {
  const given = headers[POLICY_BYPASS_HEADER];
  if (!token || typeof given !== 'string') return false;
  const left = Buffer.from(given);
  const right = Buffer.from(token);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The headers for the server, without the bypass's. */
export function withoutBypassHeader(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  delete headers[POLICY_BYPASS_HEADER];
  return headers;
}
