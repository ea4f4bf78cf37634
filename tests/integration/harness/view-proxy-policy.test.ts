// The view proxy refuses exactly what the desktop view's rules refuse: for every
// request below — Odoo's own traffic and the known ways of ending or switching the
// session, encodings included, and (issue 17) a save and a read-marker — the proxy
// answers 403 (and the server never sees the request) if and only if core/view-policy
// refuses it, whatever those rules become, read-only and with changes allowed alike; a
// read-marker refused quietly is answered by the server's session check instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGES_ALLOWED, decideFrameNavigation, decideViewRequest, NO_BODY, OriginPolicy, QUIET_ANSWER_PATH, READ_ONLY, type ViewAccess, type ViewActivity } from '../../../src-main/core';
import type { ViewRefusal } from '../../../src-preload/contract';
import type { ViewProxy } from '../../support/harness/view-proxy';
import { ViewProxyServer } from '../../support/harness/view-proxy-server';
import { enter, recordingUpstream, send, type RecordingUpstream } from './proxy-client';

interface Sample {
  name: string;
  method: string;
  path: string;
  body?: string;
  navigation?: boolean;
}

const rpc = (model: string, method: string) =>
  JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { model, method, args: [], kwargs: {} } });

const SAMPLES: Sample[] = [
  { name: 'the web client page', method: 'GET', path: '/odoo', navigation: true },
  { name: 'a record page', method: 'GET', path: '/odoo/res.partner/3', navigation: true },
  { name: 'an asset', method: 'GET', path: '/web/assets/1/web.assets_web.min.js' },
  { name: 'a read', method: 'POST', path: '/web/dataset/call_kw/res.partner/web_read', body: rpc('res.partner', 'web_read') },
  { name: 'an action', method: 'POST', path: '/web/action/load', body: JSON.stringify({ params: { action_id: 1 } }) },
  { name: 'the bus handshake path', method: 'GET', path: '/websocket?version=18.0-5' },
  { name: 'Log out (a link)', method: 'GET', path: '/web/session/logout', navigation: true },
  { name: 'Log out, trailing slash', method: 'GET', path: '/web/session/logout/', navigation: true },
  { name: 'Log out, %6C', method: 'GET', path: '/web/session/%6Cogout', navigation: true },
  { name: 'Log out, leading //', method: 'GET', path: '//web/session/logout', navigation: true },
  { name: 'destroy', method: 'POST', path: '/web/session/destroy', body: '{}' },
  { name: 'authenticate', method: 'POST', path: '/web/session/authenticate', body: '{}' },
  { name: 'login form', method: 'POST', path: '/web/login', body: 'login=bob&password=bob', navigation: true },
  { name: 'Back to Original User', method: 'POST', path: '/web/dataset/call_kw/res.users/back_to_origin_login', body: rpc('res.users', 'back_to_origin_login') },
  { name: 'back_to_origin_login, cosmetic suffix', method: 'POST', path: '/web/dataset/call_kw/res.partner/read', body: rpc('res.users', 'back_to_origin_login') },
  { name: 'back_to_origin_login, \\u escape', method: 'POST', path: '/web/dataset/call_kw', body: rpc('res.users', 'back_to_origin_login').replace('back_to', 'back\\u005fto') },
  { name: 'impersonate_login', method: 'POST', path: '/web/dataset/call_kw/res.users/impersonate_login', body: rpc('res.users', 'impersonate_login') },
  { name: '19 json2, empty form POST', method: 'POST', path: '/json/2/res.users/back_to_origin_login', body: '', navigation: true },
  { name: 'a save (web_save)', method: 'POST', path: '/web/dataset/call_kw/res.partner/web_save', body: rpc('res.partner', 'web_save') },
  { name: 'a read-marker (mark_as_read)', method: 'POST', path: '/discuss/channel/mark_as_read', body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { channel_id: 1, last_message_id: 9 } }) },
];

let upstream: RecordingUpstream;
let server: ViewProxyServer;
let proxy: ViewProxy;
let cookie: string;
const refusals: ViewRefusal[] = [];
const activities: ViewActivity[] = [];
let access: ViewAccess = CHANGES_ALLOWED;

beforeAll(async () => {
  upstream = await recordingUpstream();
  server = await ViewProxyServer.start();
  proxy = server.open({
    origin: upstream.origin,
    sessionCookie: 'session',
    landingUrl: `${upstream.origin}/odoo`,
    onRefused: (refusal) => refusals.push(refusal),
    access: () => access,
    onActivity: (activity) => activities.push(activity),
  });
  cookie = await enter(server.port, proxy.entryUrl());
});

afterAll(async () => {
  await server.close();
  await upstream.close();
});

describe.each([
  ['changes allowed', CHANGES_ALLOWED],
  ['read-only', READ_ONLY],
] as const)('the view proxy and the desktop view decide alike (%s)', (_name, sessionAccess) => {
  const policy = () => new OriginPolicy(upstream.origin);
  beforeAll(() => {
    access = sessionAccess;
  });

  it.each(SAMPLES)('$name', async (sample) => {
    const url = `${upstream.origin}${sample.path}`;
    const body = sample.body === undefined || sample.body === '' ? NO_BODY : { kind: 'bytes' as const, bytes: new TextEncoder().encode(sample.body) };
    const frame = sample.navigation ? decideFrameNavigation(url, 'main', policy()) : { allowed: true as const };
    const verdict = frame.allowed ? decideViewRequest({ url, method: sample.method, body }, policy(), sessionAccess) : null;
    const desktop = verdict ? verdict.decision : frame;
    const activitiesBefore = activities.length;

    const seenBefore = upstream.seen.length;
    const refusedBefore = refusals.length;
    const navigation: Record<string, string> = sample.navigation ? { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' } : { 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' };
    const answer = await send(server.port, {
      method: sample.method,
      path: sample.path,
      headers: { cookie, 'content-type': sample.path === '/web/login' ? 'application/x-www-form-urlencoded' : 'application/json', ...navigation },
      body: sample.body,
    });

    // What the desktop view reports for the timeline, the proxy reports too.
    if (verdict?.call) expect(activities.slice(activitiesBefore).map((activity) => activity.allowed)).toEqual([desktop.allowed]);
    if (verdict?.quietly) {
      // Not written: the server's session check answers in its place.
      expect(answer.status).toBe(200);
      expect(upstream.seen.at(-1)!.url).toBe(QUIET_ANSWER_PATH);
    } else if (desktop.allowed) {
      expect(answer.status).toBe(200);
      expect(upstream.seen.length).toBe(seenBefore + 1);
      expect(upstream.seen.at(-1)!.url).toBe(sample.path);
    } else {
      expect(answer.status).toBe(403);
      expect(answer.headers['x-harness-view-refusal']).toBe(desktop.refusal);
      expect(upstream.seen.length).toBe(seenBefore);
      // A refused navigation is told to the banner, as the desktop view tells it.
      expect(refusals.length).toBe(refusedBefore + (sample.navigation ? 1 : 0));
    }
  });

  it('refuses Odoo\'s own Log out, and tells the banner the frame did not go back', async () => {
    const answer = await send(server.port, {
      path: '/web/session/logout',
      headers: { cookie, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' },
    });
    expect(answer.status).toBe(403);
    expect(refusals.at(-1)).toEqual({ kind: 'session-switch', target: upstream.origin, returned: false });
  });
});
