// The HTML side: the web client page (naming the current user, never frameable),
// the login page it redirects to, and the HTML answers Odoo gives to JSON routes
// called the wrong way (werkzeug's error pages, and the bare text of a body that
// is not JSON-RPC).

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function webClientPage(userName: string): string {
  return `<!DOCTYPE html><html><head><title>Odoo</title></head><body class="o_web_client"><h1 id="current-user">${escape(userName)}</h1></body></html>`;
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
