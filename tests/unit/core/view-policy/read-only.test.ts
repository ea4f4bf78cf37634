// Read-only impersonation (issue 17): the allowlist refuses every request that would
// change data, lets the real web clients of Odoo 17, 18 and 19 browse (every request
// they make while a user only looks, tests/fixtures/webclient-requests-<version>.json),
// answers the markers Odoo writes by itself quietly, refuses the bus, and never names
// a value in what it says a request reaches.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHANGES_ALLOWED,
  decideViewRequest,
  describeViewCall,
  NO_BODY,
  OriginPolicy,
  quietAnswerUrl,
  READ_ONLY,
  type ViewRequest,
  type ViewRequestBody,
} from '../../../../src-main/core/view-policy';
import { listedSocketPaths, type RequestShape, type WebClientRequests } from '../../../odoo-e2e/support/request-shapes';
import { toViewRequest } from '../../../support/webclient-requests';

const origin = new OriginPolicy('https://odoo.example.com');
const O = origin.origin;

function json(params: unknown): ViewRequestBody {
  return { kind: 'bytes', bytes: new TextEncoder().encode(JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 3, params })) };
}
function callKw(model: string, method: string, args: unknown[] = [[7]], kwargs: object = { context: { lang: 'en_US' } }, route = 'call_kw'): ViewRequest {
  return { url: `${O}/web/dataset/${route}/${model}/${method}`, method: 'POST', body: json({ model, method, args, kwargs }) };
}
function route(pathname: string, params: object): ViewRequest {
  return { url: `${O}${pathname}`, method: 'POST', body: json(params) };
}
const readOnly = (request: ViewRequest) => decideViewRequest(request, origin, READ_ONLY);

describe('the read-only allowlist', () => {
  it.each([
    ['web_search_read', callKw('res.partner', 'web_search_read', [], { specification: { name: {} }, domain: [['name', 'ilike', 'x']] })],
    ['web_read', callKw('res.users', 'web_read', [[7]])],
    ['get_views', callKw('res.partner', 'get_views', [], { views: [[false, 'form']] })],
    ['name_search', callKw('res.partner', 'name_search', [], { name: 'al' })],
    ['read_group', callKw('res.partner', 'read_group', [[], ['name'], ['name']])],
    ['fields_get', callKw('res.partner', 'fields_get')],
    ['onchange on a form not saved', callKw('res.users', 'onchange', [[7], { tz: 'Europe/Madrid' }, ['tz'], {}])],
    ['a model-specific read (res.users.action_get)', callKw('res.users', 'action_get', [])],
    ['an action load', route('/web/action/load', { action_id: 112 })],
    ['an action load by XML id', route('/web/action/load', { action_id: 'mail.action_discuss' })],
    ['the messaging store', route('/mail/data', { fetch_params: ['init_messaging'] })],
    ['messages of a thread', route('/mail/thread/messages', { thread_model: 'res.partner', thread_id: 8, limit: 30 })],
    ['the version poll after a lost connection', route('/web/webclient/version_info', {})],
    ['the session info', route('/web/session/get_session_info', {})],
  ])('allows %s', (_name, request) => {
    expect(readOnly(request)).toMatchObject({ decision: { allowed: true }, effect: 'read', quietly: false });
  });

  it.each([
    ['a page', `${O}/odoo/discuss`],
    ['an asset', `${O}/web/assets/3f0a9c1/web.assets_web.min.js`],
    ['an image', `${O}/web/image/res.partner/8/avatar_128?unique=1`],
    ['the menus', `${O}/web/webclient/load_menus/3f0a9c1e`],
  ])('allows GET of %s', (_name, url) => {
    expect(readOnly({ url, method: 'GET', body: NO_BODY }).decision).toEqual({ allowed: true });
  });

  it.each([
    ['web_save', callKw('res.users', 'web_save', [[7], { tz: 'Europe/Madrid' }], { specification: {} })],
    ['write', callKw('res.partner', 'write', [[8], { name: 'X' }])],
    ['create', callKw('res.partner', 'create', [{ name: 'X' }])],
    ['unlink', callKw('res.partner', 'unlink', [[8]])],
    ['a method nobody listed', callKw('res.partner', 'action_archive', [[8]])],
    ['a read method named on a button (call_button)', callKw('res.users', 'read', [[7]], {}, 'call_button')],
    ['preference_save (call_button)', callKw('res.users', 'preference_save', [[7]], { context: {} }, 'call_button')],
    ['posting a message', route('/mail/message/post', { thread_model: 'discuss.channel', thread_id: 1, post_data: { body: 'hi' } })],
    ['a link preview', route('/mail/link_preview', { message_id: 5 })],
    ['a server action', route('/web/action/run', { action_id: 9 })],
    ['a JSON route nobody listed', route('/discuss/channel/join', { channel_id: 3 })],
    ['a route in another case', route('/Mail/data', {})],
  ])('refuses %s as a change', (_name, request) => {
    expect(readOnly(request)).toMatchObject({ decision: { allowed: false, refusal: 'read-only' }, effect: 'change', quietly: false });
  });

  it.each([
    ['a multipart upload', { kind: 'bytes', bytes: new TextEncoder().encode('--x\r\nContent-Disposition: form-data; name="ufile"\r\n\r\n…') } as ViewRequestBody],
    ['a File the guard cannot read', { kind: 'unreadable', why: 'file' } as ViewRequestBody],
    ['a body-less form post', NO_BODY],
  ])('refuses %s', (_name, body) => {
    const verdict = readOnly({ url: `${O}/mail/attachment/upload`, method: 'POST', body });
    expect(verdict.decision).toEqual({ allowed: false, refusal: 'read-only' });
    expect(verdict.call?.kind).toBe('form');
  });

  it.each([
    ['mark_as_read (18, 19)', route('/discuss/channel/mark_as_read', { channel_id: 1, last_message_id: 9 })],
    ['set_last_seen_message (17)', route('/discuss/channel/set_last_seen_message', { channel_id: 1, last_message_id: 9 })],
    ['channel_fetched (19)', callKw('discuss.channel', 'channel_fetched', [[1]])],
    ['typing', route('/discuss/channel/notify_typing', { channel_id: 1, is_typing: true })],
  ])('refuses the read-marker %s quietly, answered from the same origin', (_name, request) => {
    expect(readOnly(request)).toMatchObject({ decision: { allowed: false, refusal: 'read-marker' }, effect: 'read-marker', quietly: true });
    expect(quietAnswerUrl(request.url)).toBe(`${O}/web/session/check`);
  });

  it('answers a read-marker sent to another port of the host by cancelling it (the quiet answer comes from the connection only)', () => {
    const verdict = readOnly({ ...route('/discuss/channel/mark_as_read', { channel_id: 1 }), url: 'https://odoo.example.com:8443/discuss/channel/mark_as_read' });
    expect(verdict).toMatchObject({ decision: { allowed: false, refusal: 'read-marker' }, quietly: false });
  });

  it.each(['/websocket', '/websocket?version=18.0-5'])('refuses the bus handshake GET %s (presence), over ws: and http:', (target) => {
    for (const scheme of ['wss://', 'https://']) {
      const url = `${scheme}odoo.example.com${target}`;
      expect(readOnly({ url, method: 'GET', body: NO_BODY }).decision).toEqual({ allowed: false, refusal: 'presence' });
      expect(decideViewRequest({ url, method: 'GET', body: NO_BODY }, origin, CHANGES_ALLOWED).decision).toEqual({ allowed: true });
    }
  });

  it('lets every change through once changes are allowed, and still marks it a write', () => {
    for (const request of [callKw('res.users', 'web_save', [[7], {}]), route('/mail/message/post', { thread_id: 1 }), callKw('res.users', 'preference_save', [[7]], {}, 'call_button')]) {
      expect(decideViewRequest(request, origin, CHANGES_ALLOWED)).toMatchObject({ decision: { allowed: true }, effect: 'change' });
    }
  });

  it('keeps the session-switch rules first, whatever the access', () => {
    for (const access of [READ_ONLY, CHANGES_ALLOWED]) {
      expect(decideViewRequest(callKw('res.users', 'back_to_origin_login', []), origin, access).decision).toEqual({ allowed: false, refusal: 'session-switch' });
      expect(decideViewRequest({ url: `${O}/web/session/logout`, method: 'GET', body: NO_BODY }, origin, access).decision).toEqual({ allowed: false, refusal: 'session-switch' });
    }
  });

  it('refuses what a proxy could route elsewhere: a read route whose dot segments resolve to a write', () => {
    const request = { ...callKw('res.partner', 'write', [[8], {}]), url: `${O}/web/action/load/%2E%2E/%2E%2E/dataset/call_kw` };
    expect(readOnly(request).decision).toEqual({ allowed: false, refusal: 'read-only' });
  });

  it('leaves other hosts to the navigation rules', () => {
    expect(readOnly({ url: 'https://elsewhere.test/mail/message/post', method: 'POST', body: NO_BODY })).toMatchObject({
      decision: { allowed: true },
      call: null,
    });
  });
});

describe('what a request reaches, as the timeline names it', () => {
  const CANARY = 'canary-7f3a9c-value';

  it('names the model, method and record ids of a call, never its arguments', () => {
    const call = describeViewCall(
      callKw('res.partner', 'web_save', [[8, 9], { name: CANARY, comment: CANARY }], { context: { default_name: CANARY }, specification: { [CANARY]: {} } }),
    );
    expect(call).toEqual({ kind: 'model-method', route: '/web/dataset/call_kw/res.partner/web_save', model: 'res.partner', method: 'web_save', ids: [8, 9], idCount: 2, action: null });
    expect(JSON.stringify(describeViewCall(callKw('res.partner', 'web_search_read', [], { domain: [['name', 'ilike', CANARY]] })))).not.toContain(CANARY);
  });

  it('keeps at most 20 ids and says how many there were', () => {
    const ids = Array.from({ length: 45 }, (_, index) => index + 1);
    const call = describeViewCall(callKw('res.partner', 'unlink', [ids]));
    expect(call.ids).toEqual(ids.slice(0, 20));
    expect(call.idCount).toBe(45);
  });

  it('names the thread of a mail route, never the message', () => {
    const call = describeViewCall(route('/mail/message/post', { thread_model: 'discuss.channel', thread_id: 1, post_data: { body: `<p>${CANARY}</p>`, message_type: 'comment' } }));
    expect(call).toMatchObject({ kind: 'route', route: '/mail/message/post', model: 'discuss.channel', ids: [1], method: null });
    expect(JSON.stringify(call)).not.toContain(CANARY);
  });

  it('refuses to take a value for a name: a model or method that is not an identifier is left out', () => {
    const call = describeViewCall(callKw(`res.partner ${CANARY}`, `write(${CANARY})`, [[CANARY]]));
    expect(call).toMatchObject({ model: null, method: null, ids: [] });
  });

  it('names an action by its id or XML id, and a path without its query', () => {
    expect(describeViewCall(route('/web/action/load', { action_id: 'base.action_res_users' }))).toMatchObject({ kind: 'action', action: 'base.action_res_users', method: 'load' });
    expect(describeViewCall({ url: `${O}/odoo/res.partner/8?debug=${CANARY}`, method: 'GET', body: NO_BODY })).toMatchObject({ kind: 'resource', route: '/odoo/res.partner/8' });
  });
});

// ---------------------------------------------------------------- the real web clients

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures');
const files = readdirSync(fixtures).filter((name) => /^webclient-requests-\d+\.json$/.test(name));

/** Writes the research runs saw while only browsing, and what read-only does with each (README, "Read-only"). */
const MARKERS = new Set(['/discuss/channel/mark_as_read', '/discuss/channel/set_last_seen_message', 'discuss.channel.channel_fetched']);
const MESSAGE_FETCHES = new Set(['/mail/thread/messages', '/discuss/channel/messages']);

type Shape = Omit<RequestShape, 'effect'> & { effect?: string };

function asRequest(shape: Shape): ViewRequest {
  if (!shape.sample) return toViewRequest(O, shape as unknown as Parameters<typeof toViewRequest>[1]);
  const body: ViewRequestBody = shape.sample.body === null ? NO_BODY : { kind: 'bytes', bytes: new TextEncoder().encode(shape.sample.body) };
  return { url: `${O}${shape.sample.path}`, method: shape.method, body };
}

const nameOf = (shape: Shape) => (shape.rpcMethod ? `${shape.model}.${shape.rpcMethod}` : shape.path);

for (const file of files) {
  const list = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as WebClientRequests;
  const shapes = list.requests as Shape[];
  describe(`Odoo ${list.version}: a read-only session browses as the real web client does`, () => {
    const reads = shapes.filter((shape) => !MARKERS.has(nameOf(shape)));
    it.each(reads.map((shape) => [`${shape.method} ${shape.path} ${shape.rpcMethod ?? ''}`.trim(), shape] as const))('allows %s', (_name, shape) => {
      expect(readOnly(asRequest(shape)).decision).toEqual({ allowed: true });
    });

    it('refuses only the read-markers, quietly', () => {
      const markers = shapes.filter((shape) => MARKERS.has(nameOf(shape)));
      for (const shape of markers) expect(readOnly(asRequest(shape))).toMatchObject({ decision: { refusal: 'read-marker' }, quietly: true });
    });

    it('accounts for every write the research saw while only browsing', () => {
      const writes = shapes.filter((shape) => shape.effect === 'writes-while-browsing').map(nameOf);
      expect(writes.length).toBeGreaterThan(0);
      for (const write of writes) expect(MARKERS.has(write) || MESSAGE_FETCHES.has(write), write).toBe(true);
    });

    it.each([...listedSocketPaths(list)])('refuses the bus handshake %s (she does not appear online)', (target) => {
      expect(readOnly({ url: `${O}${target}`, method: 'GET', body: NO_BODY }).decision).toEqual({ allowed: false, refusal: 'presence' });
    });
  });
}
