// AZ-5, AZ-2, AU-1 against the server itself (issue 11.1): every spelling of a session
// switch in tests/support/escape-variants.ts is sent raw, with the cookie of a fresh
// admin-impersonating-the-target session, to the simulator or a real Odoo (ODOO_*
// variables; the target is ODOO_TARGET_LOGIN, bob by default). Whatever the server
// acted on — the session gone, or no longer the target impersonated by the admin — the
// view's request policy refuses; and the controls act, so the run reached the server.
// What each variant did is printed, per version, for docs/odoo.md.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRequest, OriginPolicy, type ViewRequestBody } from '../../src-main/core/view-policy';
import { ESCAPE_VARIANTS, fillBody, type EscapeVariant } from '../support/escape-variants';
import { againstRealServer, openTarget, type ContractTarget } from './target';

let target: ContractTarget;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

const targetLogin = process.env.ODOO_TARGET_LOGIN ?? 'bob';
const targetPassword = process.env.ODOO_TARGET_PASSWORD ?? targetLogin;

interface Session {
  cookie: string;
}

async function rpc(path: string, params: unknown, cookie: string | null): Promise<{ cookie: string | null; body: Record<string, unknown> | null }> {
  const response = await fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: `session_id=${cookie}` } : {}) },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params }),
  });
  const set = response.headers.getSetCookie().map((h) => /^session_id=([^;]*)/.exec(h)?.[1]).find((v) => v !== undefined);
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  return { cookie: set ?? cookie, body };
}

/** A fresh session of the admin impersonating the target. */
async function impersonating(targetId: number): Promise<Session> {
  const login = await rpc('/web/session/authenticate', { db: target.database, login: target.admin.login, password: target.admin.password }, null);
  const cookie = login.cookie!;
  await rpc('/web/session/get_session_info', {}, cookie);
  const switched = await rpc('/web/dataset/call_kw/res.users/impersonate_login', { model: 'res.users', method: 'impersonate_login', args: [[targetId]], kwargs: {} }, cookie);
  expect(switched.body).toHaveProperty('result');
  return { cookie };
}

/** Who a cookie's session is now: null once the server dropped it. */
async function identity(cookie: string): Promise<{ uid: number; from: number | false | null } | null> {
  const answer = await rpc('/web/session/get_session_info', {}, cookie);
  const result = answer.body?.result as { uid?: number; impersonate_from_uid?: number | false | null } | undefined;
  return result?.uid ? { uid: result.uid, from: result.impersonate_from_uid ?? null } : null;
}

async function csrfOf(cookie: string): Promise<string> {
  const page = await fetch(`${target.url}/web/login`, { headers: { Cookie: `session_id=${cookie}` } });
  return /name="csrf_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
}

async function send(variant: EscapeVariant, cookie: string, adminUid: number): Promise<string | null> {
  const csrf = variant.form ? await csrfOf(cookie) : undefined;
  const body = fillBody(variant, { db: target.database, login: targetLogin, password: targetPassword, adminUid, csrf });
  const headers: Record<string, string> = { Cookie: `session_id=${cookie}` };
  if (variant.contentType && body !== null) headers['Content-Type'] = variant.contentType;
  if (variant.navigation) {
    // A top-level form post's Sec-Fetch-* headers, which Node's fetch will not send: a plain request.
    Object.assign(headers, { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-User': '?1' });
    await navigationPost(`${target.url}${variant.path}`, headers, body);
    return body;
  }
  // `fetch` follows a 308 with the body, as Chromium does from the page.
  const response = await fetch(`${target.url}${variant.path}`, { method: variant.method, headers, body: body ?? undefined, redirect: 'follow' });
  await response.arrayBuffer();
  return body;
}

function navigationPost(url: string, headers: Record<string, string>, body: string | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', headers: body === null ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    sent.on('error', reject);
    sent.end(body ?? undefined);
  });
}

function asViewRequest(variant: EscapeVariant, body: string | null): { url: string; method: string; body: ViewRequestBody } {
  const bytes: ViewRequestBody = body === null ? { kind: 'none' } : { kind: 'bytes', bytes: new TextEncoder().encode(body) };
  return { url: `${target.url}${variant.path}`, method: variant.method, body: bytes };
}

describe(`escape variants against ${againstRealServer ? 'the real Odoo' : 'the simulator'} (AZ-5, AZ-2, AU-1)`, () => {
  const acted: string[] = [];
  afterAll(() => {
    process.stdout.write(`\n[escape variants] acted on ${target.url}:\n  ${acted.join('\n  ')}\n`);
  });

  it.each(ESCAPE_VARIANTS.map((variant) => [variant.name, variant] as const))('%s: refused by the policy whenever the server acts on it', async (_name, variant) => {
    const users = await target.connect().searchUsers(targetLogin, 0, 10);
    const targetId = users.rows.find((row) => row.login === targetLogin)!.id;
    const adminUid = (await target.connect().authenticate()).uid;
    const session = await impersonating(targetId);
    expect(await identity(session.cookie)).toEqual({ uid: targetId, from: adminUid });
    const body = await send(variant, session.cookie, adminUid);
    const after = await identity(session.cookie);
    const didAct = after === null || after.uid !== targetId || after.from !== adminUid;
    // Leave the server clean: whatever the cookie is now, back to the admin, then destroyed.
    await rpc('/web/dataset/call_kw/res.users/back_to_origin_login', { model: 'res.users', method: 'back_to_origin_login', args: [], kwargs: {} }, session.cookie);
    await rpc('/web/session/destroy', {}, session.cookie);
    if (didAct) acted.push(variant.name);

    const decision = decideRequest(asViewRequest(variant, body), new OriginPolicy(target.url));
    if (didAct) expect(decision, `the server acted on "${variant.name}"`).toEqual({ allowed: false, refusal: 'session-switch' });
    if (variant.control) expect(didAct, `the control "${variant.name}" must act`).toBe(true);
    // Every variant in the list is a try at switching: the policy refuses it whether or not this server acts on it.
    expect(decision.allowed).toBe(false);
  });
});
