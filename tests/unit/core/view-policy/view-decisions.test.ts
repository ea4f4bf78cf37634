import { describe, expect, it } from 'vitest';
import { decideNavigation, decideRequest, NO_BODY, OriginPolicy, type ViewRequestBody } from '../../../../src-main/core/view-policy';

const origin = new OriginPolicy('https://odoo.example.com');
const json = (value: unknown): ViewRequestBody => ({ kind: 'bytes', bytes: new TextEncoder().encode(JSON.stringify(value)) });

describe('decideNavigation', () => {
  it('allows the connection origin and names the refused kind elsewhere', () => {
    expect(decideNavigation('navigate', 'https://odoo.example.com/odoo/contacts', origin)).toEqual({ allowed: true });
    expect(decideNavigation('redirect', 'https://sso.evil.test/cb', origin)).toEqual({ allowed: false, refusal: 'redirect' });
    expect(decideNavigation('frame-navigate', 'https://odoo.example.com.evil.test/', origin)).toEqual({
      allowed: false,
      refusal: 'frame-navigate',
    });
  });
});

describe('decideRequest', () => {
  it('refuses a request that would switch the server session, read from its JSON body', () => {
    const body = json({ jsonrpc: '2.0', method: 'call', params: { model: 'res.users', method: 'back_to_origin_login', args: [] } });
    expect(decideRequest({ url: 'https://odoo.example.com/web/dataset/call_kw', method: 'POST', body }, origin)).toEqual({
      allowed: false,
      refusal: 'session-switch',
    });
  });

  it('allows an ordinary model call and a page load', () => {
    const body = json({ jsonrpc: '2.0', method: 'call', params: { model: 'res.partner', method: 'web_search_read', args: [] } });
    expect(decideRequest({ url: 'https://odoo.example.com/web/dataset/call_kw/res.partner/web_search_read', method: 'POST', body }, origin).allowed).toBe(true);
    expect(decideRequest({ url: 'https://odoo.example.com/odoo/contacts', method: 'GET', body: NO_BODY }, origin).allowed).toBe(true);
  });

  it('refuses logging out by URL alone', () => {
    expect(decideRequest({ url: 'https://odoo.example.com/web/session/logout', method: 'GET', body: NO_BODY }, origin)).toEqual({
      allowed: false,
      refusal: 'session-switch',
    });
  });
});
