// The ways script in the Odoo page could try to end or switch the session it runs on,
// spelled every way the real servers were seen to act on (docs/odoo.md, "The view's
// requests as Odoo routes them"), plus the spellings that do not act, as controls. One
// list for the contract suite (each sent raw to a real Odoo or the simulator) and for
// the real-browser e2e (each sent from inside the framed page).

export interface EscapeVariant {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** The body as the page would send it; null for none. `$DB`, `$LOGIN`, `$PASSWORD`, `$CSRF` are filled in. */
  body: string | null;
  contentType?: string;
  /** Acts on every server version this suite targets (a control: proves the run reaches the server). */
  control?: boolean;
  /** Needs the login form's CSRF token scraped from the page (POST /web/login). */
  form?: boolean;
  /** What a browser adds that matters to the server: a top-level form navigation's Sec-Fetch-* headers. */
  navigation?: boolean;
}

const call = (method: string, args = '[]', model = 'res.users') =>
  `{"jsonrpc":"2.0","method":"call","id":1,"params":{"model":"${model}","method":"${method}","args":${args},"kwargs":{}}}`;
const back = call('back_to_origin_login');
const json = 'application/json';

export const ESCAPE_VARIANTS: readonly EscapeVariant[] = [
  { name: 'call_kw back_to_origin_login (control)', method: 'POST', path: '/web/dataset/call_kw/res.users/back_to_origin_login', body: back, contentType: json, control: true },
  { name: 'call_kw without a suffix', method: 'POST', path: '/web/dataset/call_kw', body: back, contentType: json },
  { name: 'a cosmetic suffix res.partner/read', method: 'POST', path: '/web/dataset/call_kw/res.partner/read', body: back, contentType: json },
  { name: 'method value back\\u005fto_origin_login', method: 'POST', path: '/web/dataset/call_kw/res.partner/read', body: back.replace('back_to', 'back\\u005fto'), contentType: json },
  { name: 'escaped key "m\\u0065thod"', method: 'POST', path: '/web/dataset/call_kw/res.partner/read', body: back.replace('"method":"back', '"m\\u0065thod":"back'), contentType: json },
  { name: 'escaped key "p\\u0061rams"', method: 'POST', path: '/web/dataset/call_kw/res.partner/read', body: back.replace('"params"', '"p\\u0061rams"'), contentType: json },
  { name: 'model res\\u002eusers', method: 'POST', path: '/web/dataset/call_kw', body: back.replace('res.users', 'res\\u002eusers'), contentType: json },
  { name: 'duplicate "method" keys, the last wins', method: 'POST', path: '/web/dataset/call_kw/res.partner/read', body: back.replace('"method":"back', '"method":"read","method":"back'), contentType: json },
  { name: 'envelope method other than call', method: 'POST', path: '/web/dataset/call_kw', body: back.replace('"method":"call"', '"method":"execute"'), contentType: json },
  { name: 'params alone', method: 'POST', path: '/web/dataset/call_kw', body: '{"params":{"model":"res.users","method":"back_to_origin_login","args":[],"kwargs":{}}}', contentType: json },
  { name: 'leading whitespace', method: 'POST', path: '/web/dataset/call_kw', body: `\n\t ${back}`, contentType: json },
  { name: 'Content-Type application/json-rpc', method: 'POST', path: '/web/dataset/call_kw', body: back, contentType: 'application/json-rpc' },
  { name: 'Content-Type APPLICATION/JSON; charset=utf-8', method: 'POST', path: '/web/dataset/call_kw', body: back, contentType: 'APPLICATION/JSON; charset=utf-8' },
  { name: 'path /web/dataset/%63all_kw', method: 'POST', path: '/web/dataset/%63all_kw', body: back, contentType: json },
  { name: 'path …/back%5Fto_origin_login', method: 'POST', path: '/web/dataset/call_kw/res.users/back%5Fto_origin_login', body: back, contentType: json },
  { name: 'path //web/dataset/call_kw', method: 'POST', path: '//web/dataset/call_kw', body: back, contentType: json },
  { name: 'path /web//dataset/call_kw (a 308 followed with the body)', method: 'POST', path: '/web//dataset/call_kw', body: back, contentType: json },
  { name: 'a trailing slash', method: 'POST', path: '/web/dataset/call_kw/', body: back, contentType: json },
  { name: 'path /web%2Fdataset%2Fcall_kw', method: 'POST', path: '/web%2Fdataset%2Fcall_kw', body: back, contentType: json },
  { name: 'a query string', method: 'POST', path: '/web/dataset/call_kw?method=read', body: back, contentType: json },
  { name: 'call_button, the method in the body', method: 'POST', path: '/web/dataset/call_button', body: back, contentType: json },
  { name: 'call_button under res.partner/read', method: 'POST', path: '/web/dataset/call_button/res.partner/read', body: back, contentType: json },
  { name: "impersonate_login of the admin's own id (goes back)", method: 'POST', path: '/web/dataset/call_kw/res.partner/read', body: call('impersonate_login', '[[$ADMIN_UID]]'), contentType: json },
  { name: 'a UTF-8 BOM before the JSON', method: 'POST', path: '/web/dataset/call_kw', body: `\ufeff${back}`, contentType: json },
  { name: 'Content-Type text/plain', method: 'POST', path: '/web/dataset/call_kw', body: back, contentType: 'text/plain' },
  { name: 'path /WEB/dataset/call_kw', method: 'POST', path: '/WEB/dataset/call_kw', body: back, contentType: json },
  { name: 'path /web/dataset/call_kw;x', method: 'POST', path: '/web/dataset/call_kw;x', body: back, contentType: json },
  { name: 'GET /web/session/logout (control)', method: 'GET', path: '/web/session/logout', body: null, control: true },
  { name: 'GET /web/session/%6Cogout', method: 'GET', path: '/web/session/%6Cogout', body: null },
  { name: 'GET /web//session/logout (a 308)', method: 'GET', path: '/web//session/logout', body: null },
  { name: 'GET /web/session/logout/', method: 'GET', path: '/web/session/logout/', body: null },
  { name: 'GET /web%2Fsession%2Flogout', method: 'GET', path: '/web%2Fsession%2Flogout', body: null },
  { name: 'POST /web/session/destroy (control)', method: 'POST', path: '/web/session/destroy', body: '{"jsonrpc":"2.0","method":"call","params":{}}', contentType: json, control: true },
  { name: 'POST /web/session/%64estroy', method: 'POST', path: '/web/session/%64estroy', body: '{"jsonrpc":"2.0","method":"call","params":{}}', contentType: json },
  { name: 'POST /web/session/destroy/', method: 'POST', path: '/web/session/destroy/', body: '{"jsonrpc":"2.0","method":"call","params":{}}', contentType: json },
  { name: 'POST /web/session/authenticate as the target', method: 'POST', path: '/web/session/authenticate', body: '{"jsonrpc":"2.0","method":"call","params":{"db":"$DB","login":"$LOGIN","password":"$PASSWORD"}}', contentType: json },
  { name: 'POST /web/session/%61uthenticate as the target', method: 'POST', path: '/web/session/%61uthenticate', body: '{"jsonrpc":"2.0","method":"call","params":{"db":"$DB","login":"$LOGIN","password":"$PASSWORD"}}', contentType: json },
  { name: 'POST /web/login as the target (a form with the CSRF token)', method: 'POST', path: '/web/login', body: 'csrf_token=$CSRF&login=$LOGIN&password=$PASSWORD&redirect=', contentType: 'application/x-www-form-urlencoded', form: true },
  { name: 'POST /web/%6Cogin as the target', method: 'POST', path: '/web/%6Cogin', body: 'csrf_token=$CSRF&login=$LOGIN&password=$PASSWORD&redirect=', contentType: 'application/x-www-form-urlencoded', form: true },
  { name: 'GET /web/become', method: 'GET', path: '/web/become', body: null },
  { name: 'json2 back_to_origin_login, body-less (a top-level form post)', method: 'POST', path: '/json/2/res.users/back_to_origin_login', body: null, navigation: true },
  { name: 'json2 back%5Fto_origin_login with JSON', method: 'POST', path: '/json/2/res.users/back%5Fto_origin_login', body: '{}', contentType: json, navigation: true },
];

/** The variant's body with the run's values filled in. */
export function fillBody(variant: EscapeVariant, values: { db: string; login: string; password: string; adminUid: number; csrf?: string }): string | null {
  if (variant.body === null) return null;
  return variant.body
    .replaceAll('$DB', values.db)
    .replaceAll('$LOGIN', encodeURIComponent(values.login))
    .replaceAll('$PASSWORD', encodeURIComponent(values.password))
    .replaceAll('$ADMIN_UID', String(values.adminUid))
    .replaceAll('$CSRF', encodeURIComponent(values.csrf ?? ''));
}
