// AZ-5, AZ-2, AU-1: the embedded page cannot end or switch its own server session
// by any spelling the real Odoo 17/18/19 servers act on (issue 11, and the escape
// research against the real servers: docs/odoo.md, "The view's requests as Odoo
// routes them"). Every variant here acted on a real server, or is one more way to
// say the same thing; each must be refused.
import { describe, expect, it } from 'vitest';
import { decideRequest, OriginPolicy, type ViewRequest, type ViewRequestBody } from '../../../../src-main/core/view-policy';

const ORIGIN = 'http://127.0.0.1:8069';
const origin = new OriginPolicy(ORIGIN);
const raw = (text: string): ViewRequestBody => ({ kind: 'bytes', bytes: new TextEncoder().encode(text) });
const rpc = (params: Record<string, unknown>) => raw(JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params }));
const back = rpc({ model: 'res.users', method: 'back_to_origin_login', args: [], kwargs: {} });
const NONE: ViewRequestBody = { kind: 'none' };

interface Variant {
  name: string;
  path: string;
  method?: string;
  body?: ViewRequestBody;
}

const variants: Variant[] = [
  // --- back_to_origin_login / impersonate_login through call_kw: the body decides
  { name: 'the plain call', path: '/web/dataset/call_kw/res.users/back_to_origin_login', body: back },
  { name: 'call_kw without a suffix', path: '/web/dataset/call_kw', body: back },
  { name: 'a cosmetic suffix naming a harmless method', path: '/web/dataset/call_kw/res.partner/read', body: back },
  { name: 'an escaped method value', path: '/web/dataset/call_kw', body: raw('{"params":{"model":"res.users","method":"back\\u005fto_origin_login","args":[]}}') },
  { name: 'an escaped "method" key', path: '/web/dataset/call_kw', body: raw('{"params":{"model":"res.users","m\\u0065thod":"back_to_origin_login","args":[]}}') },
  { name: 'an escaped "params" key', path: '/web/dataset/call_kw', body: raw('{"p\\u0061rams":{"model":"res.users","method":"back_to_origin_login","args":[]}}') },
  { name: 'an escaped model value', path: '/web/dataset/call_kw', body: raw('{"params":{"model":"res\\u002eusers","method":"back_to_origin_login","args":[]}}') },
  { name: 'duplicate method keys: the last wins', path: '/web/dataset/call_kw', body: raw('{"params":{"model":"res.users","method":"read","method":"back_to_origin_login","args":[]}}') },
  { name: 'duplicate params keys: the last wins', path: '/web/dataset/call_kw', body: raw('{"params":{"model":"res.partner","method":"read"},"params":{"model":"res.users","method":"back_to_origin_login"}}') },
  { name: 'another envelope method', path: '/web/dataset/call_kw', body: raw('{"jsonrpc":"2.0","method":"execute","params":{"model":"res.users","method":"back_to_origin_login","args":[]}}') },
  { name: 'params alone, no jsonrpc or id', path: '/web/dataset/call_kw', body: raw('{"params":{"model":"res.users","method":"back_to_origin_login"}}') },
  { name: 'leading whitespace and newlines', path: '/web/dataset/call_kw', body: raw('\n\t  {"params":{"model":"res.users","method":"back_to_origin_login"}}') },
  { name: 'a UTF-8 BOM before the JSON', path: '/web/dataset/call_kw', body: raw('\ufeff{"params":{"model":"res.users","method":"back_to_origin_login"}}') },
  { name: 'a percent-encoded route', path: '/web/dataset/%63all_kw', body: back },
  { name: 'a percent-encoded suffix', path: '/web/dataset/call_kw/res.users/back%5Fto_origin_login', body: back },
  { name: 'a leading //', path: '//web/dataset/call_kw', body: back },
  { name: 'an inner // (the server answers a 308 that fetch follows with the body)', path: '/web//dataset/call_kw', body: back },
  { name: 'a trailing slash', path: '/web/dataset/call_kw/', body: back },
  { name: 'encoded slashes', path: '/web%2Fdataset%2Fcall_kw', body: back },
  { name: 'a query string', path: '/web/dataset/call_kw?debug=1', body: back },
  { name: 'call_button with the method in the body', path: '/web/dataset/call_button', body: back },
  { name: 'call_button under a harmless suffix', path: '/web/dataset/call_button/res.partner/read', body: back },
  { name: "impersonate_login of the admin's own id (the module goes back)", path: '/web/dataset/call_kw', body: rpc({ model: 'res.users', method: 'impersonate_login', args: [[2]], kwargs: {} }) },
  { name: 'impersonate_login of another administrator', path: '/web/dataset/call_kw/res.users/impersonate_login', body: rpc({ model: 'res.users', method: 'impersonate_login', args: [[6]] }) },
  { name: 'the switch list', path: '/web/dataset/call_kw', body: rpc({ model: 'res.users', method: 'action_impersonate_login', args: [] }) },
  { name: 'a harmless body under a suffix naming the switch (no web client sends a mismatch)', path: '/web/dataset/call_kw/res.users/back_to_origin_login', body: rpc({ model: 'res.users', method: 'read', args: [[7]] }) },
  { name: 'the method on another model name', path: '/web/dataset/call_kw', body: rpc({ model: 'res.partner', method: 'back_to_origin_login', args: [] }) },
  { name: "revoking the view's own devices", path: '/web/dataset/call_button/res.users/action_revoke_all_devices', body: rpc({ model: 'res.users', method: 'action_revoke_all_devices', args: [[7]] }) },
  { name: 'a device revoke', path: '/web/dataset/call_kw', body: rpc({ model: 'res.device', method: 'revoke', args: [[1]] }) },
  { name: 'a password change', path: '/web/dataset/call_kw', body: rpc({ model: 'res.users', method: 'change_password', args: ['a', 'b'] }) },
  { name: 'upper-case route', path: '/WEB/DATASET/CALL_KW', body: back },
  { name: 'dot segments resolved by the URL parser', path: '/web/x/../dataset/call_kw', body: back },
  { name: 'encoded dot segments', path: '/web/x/%2E%2E/dataset/call_kw', body: back },
  { name: 'encoded dots after an encoded slash', path: '/web/x%2F..%2Fdataset/call_kw', body: back },
  // --- a body that cannot be read as the server would: refused on a guarded route
  { name: 'a body the guard could not read (a stream)', path: '/web/dataset/call_kw', body: { kind: 'unreadable', why: 'stream' } },
  { name: 'a Blob body that could not be read', path: '/web/dataset/call_kw', body: { kind: 'unreadable', why: 'blob' } },
  { name: 'a file part', path: '/web/dataset/call_kw', body: { kind: 'unreadable', why: 'file' } },
  { name: 'no body at all', path: '/web/dataset/call_kw', body: NONE },
  { name: 'an empty body', path: '/web/dataset/call_kw', body: raw('') },
  { name: 'a form body', path: '/web/dataset/call_kw', body: raw('model=res.users&method=back_to_origin_login') },
  { name: "Python's NaN, which JSON.parse refuses", path: '/web/dataset/call_kw', body: raw('{"params":{"model":"res.users","method":"read","args":[NaN]}}') },
  { name: 'invalid UTF-8', path: '/web/dataset/call_kw', body: { kind: 'bytes', bytes: new Uint8Array([0x7b, 0xff, 0x7d]) } },
  { name: 'a JSON array', path: '/web/dataset/call_kw', body: raw('[{"params":{"model":"res.users","method":"back_to_origin_login"}}]') },
  { name: 'params that are not an object', path: '/web/dataset/call_kw', body: raw('{"params":"back_to_origin_login"}') },
  { name: 'a method that is not a string', path: '/web/dataset/call_kw', body: raw('{"params":{"model":"res.users","method":["back_to_origin_login"]}}') },
  { name: 'no model', path: '/web/dataset/call_kw', body: raw('{"params":{"method":"back_to_origin_login"}}') },
  { name: 'a GET on call_kw', path: '/web/dataset/call_kw', method: 'GET' },
  // --- the session routes
  { name: 'Log out', path: '/web/session/logout', method: 'GET' },
  { name: 'Log out, percent-encoded', path: '/web/session/%6Cogout', method: 'GET' },
  { name: 'Log out, inner //', path: '/web//session/logout', method: 'GET' },
  { name: 'Log out, trailing slash', path: '/web/session/logout/', method: 'GET' },
  { name: 'Log out, encoded slashes', path: '/web%2Fsession%2Flogout', method: 'GET' },
  { name: 'Log out with ;params', path: '/web/session/logout;x', method: 'GET' },
  { name: 'Log out as a POST with JSON', path: '/web/session/logout', body: rpc({}) },
  { name: 'destroy', path: '/web/session/destroy', body: rpc({}) },
  { name: 'destroy, percent-encoded', path: '/web/session/%64estroy', body: rpc({}) },
  { name: 'destroy, trailing slash', path: '/web/session/destroy/', body: rpc({}) },
  { name: 'authenticate, percent-encoded', path: '/web/session/%61uthenticate', body: rpc({ db: 'odoo', login: 'bob', password: 'bob' }) },
  { name: 'an unknown session route', path: '/web/session/account', body: rpc({}) },
  { name: 'get_session_info without a body', path: '/web/session/get_session_info', body: NONE },
  { name: 'get_session_info with an unreadable body', path: '/web/session/get_session_info', body: { kind: 'unreadable', why: 'blob' } },
  { name: 'POST /web/login (a form)', path: '/web/login', body: raw('csrf_token=x&login=bob&password=bob&redirect=') },
  { name: 'POST /web/login, percent-encoded', path: '/web/%6Cogin', body: raw('csrf_token=x&login=bob&password=bob') },
  { name: 'POST /web/login/totp', path: '/web/login/totp', body: raw('totp_token=123456') },
  { name: 'GET /web/become', path: '/web/become', method: 'GET' },
  { name: 'POST /web/signup', path: '/web/signup', body: raw('login=x') },
  // --- Odoo 19's JSON-2 API: all of it, body-less included (a top-level form POST acts)
  { name: 'json2 with no body', path: '/json/2/res.users/back_to_origin_login', body: NONE },
  { name: 'json2 with a JSON body', path: '/json/2/res.users/back_to_origin_login', body: raw('{"ids":[]}') },
  { name: 'json2, percent-encoded method', path: '/json/2/res.users/back%5Fto_origin_login', body: NONE },
  { name: 'json2, a harmless-looking method', path: '/json/2/res.partner/search_read', body: raw('{}') },
  { name: 'json2, encoded slash', path: '/json%2F2/res.users/back_to_origin_login', body: NONE },
];

function request(variant: Variant, base = ORIGIN): ViewRequest {
  const method = variant.method ?? 'POST';
  return { url: `${base}${variant.path}`, method, body: variant.body ?? NONE };
}

describe('the request policy refuses every spelling of a session switch (AZ-5, AZ-2, AU-1)', () => {
  it.each(variants)('$name', (variant) => {
    expect(decideRequest(request(variant), origin)).toEqual({ allowed: false, refusal: 'session-switch' });
  });

  it('also on another port or scheme of the same host, where the cookie goes too', () => {
    const logout: Variant = { name: 'logout', path: '/web/session/logout', method: 'GET' };
    for (const base of ['http://127.0.0.1:8070', 'https://127.0.0.1', 'ws://127.0.0.1:8069', 'http://127.0.0.1.:8069']) {
      expect(decideRequest(request(logout, base), origin).allowed, base).toBe(false);
    }
    // Another host gets no cookie of this session: not this policy's business.
    expect(decideRequest(request(logout, 'http://localhost:8069'), origin).allowed).toBe(true);
  });
});

describe('what stays allowed', () => {
  const allowed: Variant[] = [
    { name: 'a model read under a suffix that is decoration', path: '/web/dataset/call_kw/res.partner/name_search', body: rpc({ model: 'res.users', method: 'read', args: [[7]] }) },
    { name: 'get_session_info', path: '/web/session/get_session_info', body: rpc({}) },
    { name: 'session check', path: '/web/session/check', body: rpc({}) },
    { name: 'the login page shown (GET)', path: '/web/login', method: 'GET' },
    { name: 'a mail route', path: '/mail/data', body: rpc({ fetch_params: ['init_messaging'] }) },
    { name: 'a page whose name merely contains a guarded word', path: '/odoo/action-logout', method: 'GET' },
    { name: 'an image', path: '/web/image/res.partner/7/avatar_128', method: 'GET' },
    { name: 'a Blob beacon to a route that is not guarded', path: '/mail/rtc/channel/leave_call', body: { kind: 'unreadable', why: 'blob' } },
  ];
  it.each(allowed)('$name', (variant) => {
    expect(decideRequest(request(variant), origin)).toEqual({ allowed: true });
  });
});
