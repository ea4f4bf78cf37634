// The HTML side: the web client page (naming the current user, never frameable),
// the login page it redirects to, and the HTML answers Odoo gives to JSON routes
// called the wrong way (werkzeug's error pages, and the bare text of a body that
// is not JSON-RPC).

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A stand-in for Odoo's web client, recognisable at a glance as the user it runs as
 * (what the harness and the demo show in the orange frame): a purple navbar like
 * Odoo's with the user's name on the right, and a line saying whose session it is.
 */
export function webClientPage(userName: string): string {
  const name = escape(userName);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Odoo</title><style>
body{margin:0;font:14px/1.5 system-ui,sans-serif;color:#212529;background:#f9fafb}
.o_main_navbar{display:flex;align-items:center;gap:16px;height:46px;padding:0 16px;background:#71639e;color:#fff}
.o_menu_brand{font-weight:600}.o_user_menu{margin-left:auto;display:flex;align-items:center;gap:8px}
.o_avatar{display:inline-grid;place-items:center;width:28px;height:28px;border-radius:4px;background:#e9e6f2;color:#71639e;font-weight:700}
main{padding:24px}h1{margin:0 0 8px;font-size:22px}
</style></head><body class="o_web_client"><header class="o_main_navbar"><span class="o_menu_brand">Odoo (simulator)</span>
<span class="o_user_menu"><span class="o_avatar" aria-hidden="true">${escape(userName.slice(0, 1))}</span><span class="oe_topbar_name">${name}</span></span></header>
<main><h1 id="current-user">${name}</h1><p>This simulated Odoo page runs in the session of <strong>${name}</strong>.</p></main></body></html>`;
}

export function loginPage(): string {
  return '<!DOCTYPE html><html><head><title>Login | Odoo</title></head><body><form class="oe_login_form" method="post" action="/web/login"><input name="login"/><input name="password" type="password"/></form></body></html>';
}

export function errorPage(status: number, reason: string, message: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${reason}</title>\n<h1>${reason}</h1>\n<p>${escape(message)}</p>\n`;
}

/** Odoo answers an unreadable JSON-RPC body with a bare sentence served as text/html. */
export function plainPage(text: string): string {
  return text;
}

/** werkzeug's body for a redirect. */
export function redirectPage(location: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href="${escape(location)}">${escape(location)}</a>. If not, click the link.\n`;
}

export function notFoundPage(): string {
  return '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n';
}

/** auth_totp's code form (GET and POST /web/login/totp), with its inputs in Odoo's order and its error line. */
export function totpFormPage(csrfToken: string, error: string | null): string {
  const alert = error === null ? '' : `<p class="alert alert-danger" role="alert">${escape(error)}</p>`;
  return (
    '<!DOCTYPE html><html><head><title>Odoo</title></head><body><div class="oe_login_form">' +
    `<form method="POST" action=""><input type="hidden" name="csrf_token" value="${csrfToken}"/><input type="hidden" name="redirect"/>` +
    '<label for="totp_token">Authentication Code</label>' +
    `<input id="totp_token" name="totp_token" autocomplete="off" inputmode="numeric" required="required"/>${alert}` +
    '<input type="checkbox" name="remember" id="switch-remember" value="1"/><label for="switch-remember">Don\'t ask again on this device</label>' +
    '<button type="submit">Log in</button></form>' +
    `<form method="POST" action="/web/session/logout"><input type="hidden" name="csrf_token" value="${csrfToken}"/><button type="submit">Cancel</button></form>` +
    '</div></body></html>'
  );
}
