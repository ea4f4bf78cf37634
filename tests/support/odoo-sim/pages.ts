// The HTML side: the web client page (naming the current user, never frameable),
// the login page it redirects to, and Odoo's HTML error pages for JSON routes
// called the wrong way.

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function webClientPage(userName: string): string {
  return `<!DOCTYPE html><html><head><title>Odoo</title></head><body class="o_web_client"><h1 id="current-user">${escape(userName)}</h1></body></html>`;
}

export function loginPage(): string {
  return '<!DOCTYPE html><html><head><title>Login | Odoo</title></head><body><form class="oe_login_form" method="post" action="/web/login"><input name="login"/><input name="password" type="password"/></form></body></html>';
}

export function badRequestPage(message: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>${escape(message)}</p>\n`;
}

export function notFoundPage(): string {
  return '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n';
}
