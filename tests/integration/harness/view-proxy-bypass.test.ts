// The test-only hole in the view proxy's policy (view-proxy-bypass.ts), which the
// real-server e2e uses to prove the tripwire (issue 11.9): it opens only for a request
// that carries the open view's own token, it is shut when the view has none (the
// default), and the server never sees the header. At the harness's level (the switch
// --test-only-policy-bypass is HarnessView's policyBypassTo): off, the header opens
// nothing; on, each view has its own token, gone with the view.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGES_ALLOWED } from '../../../src-main/core/view-policy';
import { HarnessView } from '../../support/harness/harness-view';
import type { ProxiedRequest } from '../../support/harness/view-proxy';
import { POLICY_BYPASS_HEADER } from '../../support/harness/view-proxy-bypass';
import { ViewProxyServer } from '../../support/harness/view-proxy-server';
import { enter, recordingUpstream, send, type RecordingUpstream } from './proxy-client';

const backToOrigin = JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { model: 'res.users', method: 'back_to_origin_login', args: [], kwargs: {} } });
const TOKEN = 'the-view-s-own-token-for-this-test-only';

let upstream: RecordingUpstream;
let server: ViewProxyServer;

beforeAll(async () => {
  upstream = await recordingUpstream();
  server = await ViewProxyServer.start();
});

afterAll(async () => {
  await server.close();
  await upstream.close();
});

/** Opens a view (with or without a bypass token) and answers a sender for Back to Original User. */
async function openView(policyBypassToken: string | null) {
  const recorded: ProxiedRequest[] = [];
  const proxy = server.open({
    origin: upstream.origin,
    sessionCookie: 'session',
    landingUrl: `${upstream.origin}/odoo`,
    onRequest: (request) => recorded.push(request),
    policyBypassToken,
  });
  const cookie = await enter(server.port, proxy.entryUrl());
  const backToOriginWith = (extra: Record<string, string>) =>
    send(server.port, {
      method: 'POST',
      path: '/web/dataset/call_kw/res.users/back_to_origin_login',
      headers: { cookie, 'content-type': 'application/json', ...extra },
      body: backToOrigin,
    });
  return { recorded, backToOriginWith };
}

describe('the test-only policy bypass', () => {
  it('lets a request carrying the view\'s token through undecided, without the header', async () => {
    const view = await openView(TOKEN);
    const seenBefore = upstream.seen.length;
    const answer = await view.backToOriginWith({ [POLICY_BYPASS_HEADER]: TOKEN });
    expect(answer.status).toBe(200);
    expect(upstream.seen.length).toBe(seenBefore + 1);
    expect(upstream.seen.at(-1)!.url).toBe('/web/dataset/call_kw/res.users/back_to_origin_login');
    expect(upstream.seen.at(-1)!.headers[POLICY_BYPASS_HEADER]).toBeUndefined();
    expect(view.recorded.at(-1)).toMatchObject({ refusal: null, status: 200, bypassed: true });
  });

  it('refuses as always without the token, with another token, or with a prefix of it', async () => {
    const view = await openView(TOKEN);
    const seenBefore = upstream.seen.length;
    const tries: Record<string, string>[] = [{}, { [POLICY_BYPASS_HEADER]: 'another-token' }, { [POLICY_BYPASS_HEADER]: TOKEN.slice(0, -1) }, { [POLICY_BYPASS_HEADER]: '' }];
    for (const extra of tries) {
      const answer = await view.backToOriginWith(extra);
      expect(answer.status).toBe(403);
      expect(answer.headers['x-harness-view-refusal']).toBe('session-switch');
    }
    expect(upstream.seen.length).toBe(seenBefore);
    expect(view.recorded.every((request) => request.refusal === 'session-switch' && request.bypassed === undefined)).toBe(true);
  });

  it('is shut when the view has no token (the default), whatever the request carries', async () => {
    const view = await openView(null);
    const seenBefore = upstream.seen.length;
    for (const extra of [{ [POLICY_BYPASS_HEADER]: '' }, { [POLICY_BYPASS_HEADER]: 'null' }, { [POLICY_BYPASS_HEADER]: TOKEN }]) {
      expect((await view.backToOriginWith(extra)).status).toBe(403);
    }
    expect(upstream.seen.length).toBe(seenBefore);
  });
});

describe("the harness's switch (--test-only-policy-bypass)", () => {
  /** Opens a view of the upstream in `view`; answers a sender for Back to Original User with a header value. */
  async function openIn(view: HarnessView, sessionKey: string) {
    const port = Number(new URL((await view.listen())[0]!).port);
    // Changes allowed: what refuses the switch is the session-switch rule itself, not read-only.
    await view.open({ sessionKey, origin: upstream.origin, sessionCookie: 'session', url: `${upstream.origin}/odoo`, access: CHANGES_ALLOWED });
    const cookie = await enter(port, view.entryUrl()!);
    return (token: string) =>
      send(port, {
        method: 'POST',
        path: '/web/dataset/call_kw/res.users/back_to_origin_login',
        headers: { cookie, 'content-type': 'application/json', [POLICY_BYPASS_HEADER]: token },
        body: backToOrigin,
      });
  }

  it('off (the default): the header opens nothing, whatever it carries', async () => {
    const view = new HarnessView({});
    try {
      const backToOriginWith = await openIn(view, 'off');
      const seenBefore = upstream.seen.length;
      for (const token of ['', 'null', 'undefined', TOKEN]) expect((await backToOriginWith(token)).status).toBe(403);
      expect(upstream.seen.length).toBe(seenBefore);
    } finally {
      await view.dispose();
    }
  });

  it("on: each view's own token opens it, is removed with the view, and opens no later view", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bypass-on-')), 'test-only-policy-bypass.txt');
    const view = new HarnessView({ policyBypassTo: file });
    try {
      const first = await openIn(view, 'first');
      const firstToken = readFileSync(file, 'utf8');
      expect((await first(firstToken)).status).toBe(200);
      await view.close();
      expect(existsSync(file)).toBe(false);

      const second = await openIn(view, 'second');
      const secondToken = readFileSync(file, 'utf8');
      expect(secondToken).not.toBe(firstToken);
      const seenBefore = upstream.seen.length;
      expect((await second(firstToken)).status).toBe(403);
      expect(upstream.seen.length).toBe(seenBefore);
      expect((await second(secondToken)).status).toBe(200);
    } finally {
      await view.dispose();
    }
  });
});
