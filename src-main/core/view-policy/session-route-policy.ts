// Requests by which the embedded page itself would end or switch the server
// session it runs on. The console alone may do that, through the stop sequence,
// so that the end is audited with its cause (AU-4) and the server's log row is
// closed. Pure: the guards apply it to each request of the view's partition.
//
// Odoo facts (docs/odoo.md): logout and destroy leave the module's
// log row open; `back_to_origin_login` turns the view's cookie back into the
// admin's session, from which the Odoo UI could impersonate anyone outside
// the console's rules; a new login on an impersonated cookie keeps
// `impersonate_from_uid`. The `call_kw` URL suffix is cosmetic, so the method
// is also looked for in the JSON body.

const SESSION_ROUTES = new Set(['/web/session/logout', '/web/session/destroy', '/web/session/authenticate']);
const IMPERSONATION_METHOD = /(^|\/)(back_to_origin_login|impersonate_login)(\/|$)/;
const IMPERSONATION_CALL = /"method"\s*:\s*"(back_to_origin_login|impersonate_login)"/;

export interface SessionRouteRequest {
  url: string;
  method: string;
  /** The request body as text, when it has one. */
  body: string | null;
}

export function switchesServerSession(request: SessionRouteRequest): boolean {
  let path: string;
  try {
    path = new URL(request.url).pathname.replace(/\/+$/, '');
  } catch {
    return false;
  }
  if (SESSION_ROUTES.has(path)) return true;
  // The login form re-authenticates the current cookie (GET only shows the form).
  if (path === '/web/login' && request.method.toUpperCase() === 'POST') return true;
  if (IMPERSONATION_METHOD.test(path)) return true;
  return request.body !== null && IMPERSONATION_CALL.test(request.body);
}
