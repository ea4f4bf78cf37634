// AZ-5, AZ-2, AU-1 as properties: any spelling a real Odoo server acts on of a
// call that would end or switch the view's session is refused, whatever body type
// carries it; and every request the real web client makes while browsing
// (tests/fixtures/webclient-requests-<version>.json, recorded on real 17/18/19
// servers) is allowed, in any spelling the server reads the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRequest, OriginPolicy, type ViewRequest, type ViewRequestBody } from '../../../../src-main/core/view-policy';
import { spellPath, spellRpc } from '../../../support/odoo-spellings';
import { WEBCLIENT_VERSIONS, webClientFixture, webClientRequests, toViewRequest } from '../../../support/webclient-requests';

const ORIGIN = 'http://127.0.0.1:8069';
const origin = new OriginPolicy(ORIGIN);
const bytes = (text: string): ViewRequestBody => ({ kind: 'bytes', bytes: new TextEncoder().encode(text) });

const switchMethod = fc.constantFrom('back_to_origin_login', 'impersonate_login', 'action_impersonate_login');
const suffix = fc.constantFrom('', '/res.users/back_to_origin_login', '/res.partner/read', '/res.users/impersonate_login', '/x');
const unreadable = fc.constantFrom<ViewRequestBody>(
  { kind: 'unreadable', why: 'blob' },
  { kind: 'unreadable', why: 'stream' },
  { kind: 'unreadable', why: 'file' },
  { kind: 'unreadable', why: 'error' },
  { kind: 'none' },
);

/** A forbidden call through call_kw or call_button: method in the (spelled) body, any suffix. */
const modelCall: fc.Arbitrary<ViewRequest> = fc
  .record({
    route: fc.constantFrom('/web/dataset/call_kw', '/web/dataset/call_button'),
    suffix,
    method: switchMethod,
    args: fc.constantFrom<number[][]>([], [[2]], [[6]], [[7]]),
  })
  .chain(({ route, suffix: tail, method, args }) =>
    fc.record({
      path: spellPath(`${route}${tail}`),
      body: fc.oneof(
        { weight: 4, arbitrary: spellRpc({ model: 'res.users', method, args, kwargs: { context: { lang: 'en_US' } } }).map(bytes) },
        { weight: 1, arbitrary: unreadable },
      ),
    }),
  )
  .map(({ path, body }) => ({ url: `${ORIGIN}${path}`, method: 'POST', body }));

/** Log out, destroy, authenticate: any method, any body (or none). */
const sessionRoute: fc.Arbitrary<ViewRequest> = fc
  .record({
    route: fc.constantFrom('/web/session/logout', '/web/session/destroy', '/web/session/authenticate'),
    method: fc.constantFrom('GET', 'POST'),
  })
  .chain(({ route, method }) =>
    fc.record({
      path: spellPath(route),
      method: fc.constant(method),
      body: method === 'GET' ? fc.constant<ViewRequestBody>({ kind: 'none' }) : fc.oneof(spellRpc({ db: 'odoo', login: 'bob', password: 'bob' }).map(bytes), unreadable),
    }),
  )
  .map(({ path, method, body }) => ({ url: `${ORIGIN}${path}`, method, body }));

/** Log in again: a form (or anything) POSTed to /web/login. */
const login: fc.Arbitrary<ViewRequest> = fc
  .record({ path: spellPath('/web/login'), body: fc.oneof(fc.constant(bytes('csrf_token=x&login=bob&password=bob')), unreadable) })
  .map(({ path, body }) => ({ url: `${ORIGIN}${path}`, method: 'POST', body }));

/** Odoo 19's JSON-2 API, any model and method, body-less included. */
const json2: fc.Arbitrary<ViewRequest> = fc
  .record({ model: fc.constantFrom('res.users', 'res.partner', 'res.device'), method: fc.constantFrom('back_to_origin_login', 'search_read', 'revoke') })
  .chain(({ model, method }) =>
    fc.record({ path: spellPath(`/json/2/${model}/${method}`), body: fc.oneof(fc.constant(bytes('{"ids":[]}')), fc.constant(bytes('')), unreadable) }),
  )
  .map(({ path, body }) => ({ url: `${ORIGIN}${path}`, method: 'POST', body }));

describe('the request policy as properties', () => {
  it('refuses every spelling of a call that ends or switches the session (AZ-5, AZ-2, AU-1)', () => {
    fc.assert(
      fc.property(fc.oneof(modelCall, sessionRoute, login, json2), (request) => {
        expect(decideRequest(request, origin), `${request.method} ${request.url}`).toEqual({ allowed: false, refusal: 'session-switch' });
      }),
      { numRuns: 3_000 },
    );
  });

  describe.each(WEBCLIENT_VERSIONS)('the real Odoo %i web client, browsing', (version) => {
    const requests = webClientRequests(version, ORIGIN);

    it('has its recorded requests in the fixture', () => {
      expect(requests.length).toBeGreaterThan(40);
      expect(requests.some(({ request }) => request.url.includes('/web/dataset/call_kw/'))).toBe(true);
    });

    it.each(requests)('allows $shape', ({ request }) => {
      expect(decideRequest(request, origin)).toEqual({ allowed: true });
    });

    it('allows them in any spelling the server reads the same way', () => {
      const shapes = webClientFixture(version).requests;
      const spelled = fc.constantFrom(...shapes).chain((shape) => {
        const request = toViewRequest(ORIGIN, shape);
        const path = new URL(request.url).pathname;
        const { kind, model, rpcMethod, kwargKeys } = shape;
        const body =
          kind === 'call_kw' || kind === 'call_button'
            ? spellRpc({ model: model ?? '', method: rpcMethod ?? '', args: [[7]], kwargs: Object.fromEntries((kwargKeys ?? []).map((k) => [k, null])) }).map(bytes)
            : fc.constant(request.body);
        return fc.record({ path: spellPath(path), body }).map(({ path: p, body: b }) => ({ ...request, url: `${ORIGIN}${p}`, body: b }));
      });
      fc.assert(
        fc.property(spelled, (request) => {
          expect(decideRequest(request, origin), `${request.method} ${request.url}`).toEqual({ allowed: true });
        }),
        { numRuns: 1_000 },
      );
    });
  });
});
