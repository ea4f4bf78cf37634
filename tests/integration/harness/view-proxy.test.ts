// The harness's view proxy (tests/support/harness/view-proxy.ts) over real sockets:
// who may use it (Host and its own cookie: another local process and a DNS-rebinding
// page may not act as the impersonated user), what it keeps from the browser (the
// session cookie) and what it strips (the framing headers only), its redirects, the
// bus's WebSocket, and that it refuses exactly what the desktop view's rules refuse.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ViewRefusal } from '../../../src-preload/contract';
import { ENTRY_PATH } from '../../support/harness/view-proxy-access';
import type { ProxiedRequest, ViewProxy } from '../../support/harness/view-proxy';
import { CHANGES_ALLOWED } from '../../../src-main/core';
import { ViewProxyServer } from '../../support/harness/view-proxy-server';
import { enter, recordingUpstream, send, type RecordingUpstream } from './proxy-client';

const SESSION = 'the-impersonated-session-id-0123456789';
let upstream: RecordingUpstream;
let server: ViewProxyServer;
let proxy: ViewProxy;
let refusals: ViewRefusal[];
let requests: ProxiedRequest[];

beforeEach(async () => {
  upstream = await recordingUpstream();
  refusals = [];
  requests = [];
  server = await ViewProxyServer.start();
  proxy = server.open({
    origin: upstream.origin,
    sessionCookie: SESSION,
    landingUrl: `${upstream.origin}/odoo?debug=`,
    onRefused: (refusal) => refusals.push(refusal),
    onRequest: (request) => requests.push(request),
    // What the proxy passes on, with changes allowed: a read-only session refuses the bus (view-proxy-policy.test.ts).
    access: () => CHANGES_ALLOWED,
  });
});

afterEach(async () => {
  await server.close();
  await upstream.close();
});

async function entered(): Promise<string> {
  return enter(server.port, proxy.entryUrl());
}

describe('who may use the view proxy', () => {
  it('lets the harness UI in once through its ticket, with an HttpOnly, SameSite=Strict cookie of its own', async () => {
    const entry = new URL(proxy.entryUrl());
    expect(entry.origin).toBe(`http://127.0.0.1:${server.port}`);
    const first = await send(server.port, { path: `${ENTRY_PATH}${entry.search}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/odoo?debug=');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^harness_view_${server.port}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`));
    expect(cookie).not.toContain(SESSION);
    // Single use: the same URL again (a copied link, a replay) gets nothing.
    expect((await send(server.port, { path: `${ENTRY_PATH}${entry.search}` })).status).toBe(403);
    expect((await send(server.port, { path: `${ENTRY_PATH}?ticket=guessed` })).status).toBe(403);
    expect(upstream.seen).toHaveLength(0);
  });

  it('refuses another local process, which has no cookie of the proxy', async () => {
    const answer = await send(server.port, { path: '/odoo' });
    expect(answer.status).toBe(403);
    expect((await send(server.port, { path: '/odoo', headers: { cookie: `harness_view_${server.port}=forged; session_id=${SESSION}` } })).status).toBe(403);
    expect(upstream.seen).toHaveLength(0);
  });

  it('refuses a DNS-rebinding page (its own name in Host), even holding the cookie and a fresh ticket', async () => {
    const cookie = await entered();
    const rebinding = { host: `rebind.attacker.test:${server.port}`, cookie };
    expect((await send(server.port, { path: '/odoo', headers: rebinding })).status).toBe(403);
    const ticket = new URL(proxy.entryUrl()).search;
    expect((await send(server.port, { path: `${ENTRY_PATH}${ticket}`, headers: { host: `rebind.attacker.test:${server.port}` } })).status).toBe(403);
    expect((await send(server.port, { path: '/odoo', headers: { host: `127.0.0.1:${server.port + 1}`, cookie } })).status).toBe(403);
    expect(upstream.seen).toHaveLength(0);
    // The proxy's own names work.
    expect((await send(server.port, { path: '/odoo', headers: { cookie } })).status).toBe(200);
    expect((await send(server.port, { path: '/odoo', headers: { host: `localhost:${server.port}`, cookie } })).status).toBe(200);
  });
});

describe('what the view proxy passes on', () => {
  it('sends the session cookie itself, never the browser\'s session_id nor its own cookie, with the server as Host and Origin', async () => {
    const cookie = await entered();
    // An upload (not a guarded RPC route, whose body the policy must read as JSON): bytes pass as they are.
    const body = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const answer = await send(server.port, {
      method: 'POST',
      path: '/mail/attachment/upload?x=1',
      headers: {
        cookie: `cids=1; session_id=the-browser-would-have-this; ${cookie}`,
        origin: `http://127.0.0.1:${server.port}`,
        referer: `http://127.0.0.1:${server.port}/odoo/discuss`,
        'content-type': 'application/octet-stream',
      },
      body,
    });
    expect(answer.status).toBe(200);
    const seen = upstream.seen.at(-1)!;
    expect(seen.url).toBe('/mail/attachment/upload?x=1');
    expect(seen.headers.cookie).toBe(`cids=1; session_id=${SESSION}`);
    expect(seen.headers.host).toBe(new URL(upstream.origin).host);
    expect(seen.headers.origin).toBe(upstream.origin);
    expect(seen.headers.referer).toBe(`${upstream.origin}/odoo/discuss`);
    expect(seen.body.equals(body)).toBe(true);
  });

  it('drops every session_id the server sets, strips only the framing headers, and keeps the rest', async () => {
    const cookie = await entered();
    upstream.answer = (_request, response) => {
      response.setHeader('Set-Cookie', [`session_id=${SESSION}; HttpOnly; Path=/`, 'cids=1; Path=/', 'session_id=anonymous; Path=/']);
      response.setHeader('X-Frame-Options', 'DENY');
      response.setHeader('Content-Security-Policy', "default-src 'self'; frame-ancestors 'self'; img-src data:");
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Cache-Control', 'no-store');
      response.end('<html>page</html>');
    };
    const answer = await send(server.port, { path: '/odoo', headers: { cookie } });
    expect(answer.body).toBe('<html>page</html>');
    expect(answer.headers['set-cookie']).toEqual(['cids=1; Path=/']);
    expect(answer.headers['x-frame-options']).toBeUndefined();
    expect(answer.headers['content-security-policy']).toBe("default-src 'self'; img-src data:");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');

    upstream.answer = (_request, response) => {
      response.setHeader('Content-Security-Policy', "frame-ancestors 'self'");
      response.end('login');
    };
    expect((await send(server.port, { path: '/web/login', headers: { cookie } })).headers['content-security-policy']).toBeUndefined();
  });

  it('points the server\'s redirects back at itself, and refuses one that leaves the server', async () => {
    const cookie = await entered();
    const redirect = (location: string) => (_request: unknown, response: import('node:http').ServerResponse) => {
      response.writeHead(303, { Location: location }).end();
    };
    upstream.answer = redirect('/web/login?redirect=%2Fodoo%3F');
    expect((await send(server.port, { path: '/odoo', headers: { cookie } })).headers.location).toBe(`http://127.0.0.1:${server.port}/web/login?redirect=%2Fodoo%3F`);
    // werkzeug's 308 for an inner `//` is absolute, built from Host (the upstream's).
    upstream.answer = redirect(`${upstream.origin}/web/image/res.partner/3/avatar_128`);
    const viaLocalhost = await send(server.port, { path: '/web//image/res.partner/3/avatar_128', headers: { cookie, host: `localhost:${server.port}` } });
    expect(viaLocalhost.headers.location).toBe(`http://localhost:${server.port}/web/image/res.partner/3/avatar_128`);
    upstream.answer = redirect(`${upstream.origin}//evil.test/x`);
    expect((await send(server.port, { path: '/x', headers: { cookie } })).headers.location).toBe(`http://127.0.0.1:${server.port}//evil.test/x`);

    upstream.answer = redirect('https://sso.elsewhere.test/login');
    const away = await send(server.port, { path: '/odoo', headers: { cookie, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' } });
    expect(away.status).toBe(403);
    expect(away.headers['x-harness-view-refusal']).toBe('redirect');
    expect(away.headers.location).toBeUndefined();
    expect(refusals).toEqual([{ kind: 'redirect', target: 'https://sso.elsewhere.test', returned: false }]);
  });

  it('forwards the bus WebSocket with the server\'s Origin and the session cookie, and closes it with the view', async () => {
    const cookie = await entered();
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/websocket?version=18.0-5`, {
      headers: { cookie: `${cookie}; session_id=from-the-browser` },
      origin: `http://127.0.0.1:${server.port}`,
    });
    let handshake: import('node:http').IncomingMessage | null = null;
    socket.once('upgrade', (response) => (handshake = response));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    expect(handshake!.headers['set-cookie']).toEqual(['cids=1; Path=/']);
    const seen = upstream.seen.find((request) => request.method === 'UPGRADE')!;
    expect(seen.url).toBe('/websocket?version=18.0-5');
    expect(seen.headers.origin).toBe(upstream.origin);
    expect(seen.headers.host).toBe(new URL(upstream.origin).host);
    expect(seen.headers.cookie).toBe(`session_id=${SESSION}`);
    const echoed = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    socket.send('{"event_name":"subscribe"}');
    expect(await echoed).toBe('echo:{"event_name":"subscribe"}');
    expect(requests.find((request) => request.websocket)).toMatchObject({ path: '/websocket?version=18.0-5', refusal: null, status: 101 });

    const closed = new Promise((resolve) => socket.once('close', resolve));
    server.closeView();
    await closed;
  });

  it('answers nothing once the view closed, and a new view does not take the old cookie', async () => {
    const cookie = await entered();
    expect((await send(server.port, { path: '/odoo', headers: { cookie } })).status).toBe(200);
    server.closeView();
    const closed = await send(server.port, { path: '/odoo', headers: { cookie } });
    expect(closed.status).toBe(403);
    expect(closed.body).toContain('No impersonation view is open');
    const next = server.open({ origin: upstream.origin, sessionCookie: 'the-next-session', landingUrl: `${upstream.origin}/odoo` });
    expect((await send(server.port, { path: '/odoo', headers: { cookie } })).status).toBe(403);
    const fresh = await enter(server.port, next.entryUrl());
    expect(fresh).not.toBe(cookie);
    expect((await send(server.port, { path: '/odoo', headers: { cookie: fresh } })).status).toBe(200);
    expect(upstream.seen.map((request) => request.headers.cookie)).toEqual([`session_id=${SESSION}`, 'session_id=the-next-session']);
  });

  it('refuses a WebSocket without its cookie, from another origin, or on another Host', async () => {
    const cookie = await entered();
    const attempt = (headers: Record<string, string>, origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.port}/websocket`, { headers, origin });
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.once('open', () => resolve(101));
        socket.once('error', () => resolve(-1));
      });
    const own = `http://127.0.0.1:${server.port}`;
    expect(await attempt({}, own)).toBe(403);
    expect(await attempt({ cookie }, 'http://evil.test')).toBe(403);
    expect(await attempt({ cookie, host: `rebind.attacker.test:${server.port}` }, `http://rebind.attacker.test:${server.port}`)).toBe(403);
    expect(upstream.seen).toHaveLength(0);
  });
});
