// SS-10, issue 11.8: the diagnostic log redacts by rule — by key anywhere in nested
// data, by value pattern anywhere in text, in error messages and stacks — and never
// the 42-character session identifier SS-10 keeps for correlation. Each leak the
// adversarial review found is planted here.
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../../src-main/core/logger';
import { isSecretKey, redactValue } from '../../../src-main/core/redaction';

const SID_18 = 'Ab3_-9'.repeat(14); // 84 url-safe characters, as Odoo 18 and 19 issue them
const SID_17 = 'a3f9c01e'.repeat(5); // 40 hex, as Odoo 17 issues them
const IDENTIFIER = SID_18.slice(0, 42);

function logged(fields: Record<string, unknown>): string {
  const lines: string[] = [];
  createLogger((line) => lines.push(line)).warn('event', fields);
  return lines[0] ?? '';
}

describe('the diagnostic log (SS-10)', () => {
  it('redacts secret fields by name', () => {
    const line = logged({ login: 'admin', password: 'canary-pw', sessionId: 'abc' });
    expect(line).toContain('"login":"admin"');
    expect(line).not.toContain('canary-pw');
    expect(line).not.toContain('"abc"');
  });

  it('redacts cookies and passwords that slip into text', () => {
    const text = redact('Cookie: session_id=SECRETCOOKIE; other\n{"password": "hunter2"}');
    expect(text).not.toContain('SECRETCOOKIE');
    expect(text).not.toContain('hunter2');
  });

  it.each([
    ['a nested Authorization: Bearer header', { request: { headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig' } } }, 'eyJhbGciOiJIUzI1NiJ9'],
    ['a Bearer token in free text', { note: 'retrying with authorization bearer eyJhbGciOiJIUzI1NiJ9.payload.sig' }, 'eyJhbGciOiJIUzI1NiJ9'],
    ['a bare 84-character session id', { value: SID_18 }, SID_18],
    ['a bare 40-hex session id of Odoo 17', { value: `cookie was ${SID_17} then` }, SID_17],
    ['pwd', { form: { login: 'admin', pwd: 'hunter2-pwd' } }, 'hunter2-pwd'],
    ['a password inside escaped JSON', { body: '{\\"params\\":{\\"login\\":\\"admin\\",\\"password\\":\\"hunter2-esc\\"}}' }, 'hunter2-esc'],
    ['a password in a JSON string', { body: JSON.stringify({ params: { password: 'hunter2 with spaces' } }) }, 'hunter2 with spaces'],
    ['URL user-info', { url: 'https://admin:hunter2-url@odoo.example.com/odoo' }, 'hunter2-url'],
    ['a form body', { body: 'csrf_token=tok-123456&login=bob&password=hunter2-form&redirect=' }, 'hunter2-form'],
    ['secret, token, api_key, passwd, cookie keys at depth', { a: [{ b: { secret: 's1-x', token: 't1-x', api_key: 'k1-x', passwd: 'p1-x', 'Set-Cookie': 'session_id=c1-x' } }] }, /s1-x|t1-x|k1-x|p1-x|c1-x/],
    ['a session_id field', { cookies: { session_id: 'short-but-secret' } }, 'short-but-secret'],
    ['a Map and a Set', { map: new Map([['password', 'map-secret']]), set: new Set([`session_id=${SID_18}`]) }, /map-secret|Ab3_/],
    // Two-factor sign-in: the trusted-device cookie is a 90-day pass past the second factor.
    ['a td_id field', { cookies: { td_id: 'short-td-secret' } }, 'short-td-secret'],
    ['a trustedDevice field at depth', { slot: [{ trustedDevice: { owner: 'x', token: 'td-tok-x' }, TrustedDeviceToken: 'td-tok-y' }] }, /td-tok-x|td-tok-y/],
    ['a td_id cookie in a header line', { header: 'Cookie: session_id=abc; td_id=td-in-header' }, 'td-in-header'],
    ['a td_id pair in free text', { note: 'set td_id=td-pair-secret; then retried' }, 'td-pair-secret'],
    ['a bare 40-hex td_id value', { value: `trusted with ${'7c1e9f04'.repeat(5)} now` }, '7c1e9f04'.repeat(5)],
    ['the code form body', { body: 'csrf_token=abc123def456&totp_token=123456&remember=1&redirect=' }, /abc123def456|123456&/],
    ['a totpCode field', { request: { totpCode: '654321' } }, '654321'],
  ] as const)('redacts %s', (_name, fields, leak) => {
    const line = logged(fields as Record<string, unknown>);
    if (typeof leak === 'string') expect(line).not.toContain(leak);
    else expect(line).not.toMatch(leak);
    expect(line).toContain('[redacted]');
  });

  it('knows two-factor sign-in\'s secret keys, and leaves the two-factor state itself readable', () => {
    for (const key of ['td_id', 'TD-ID', 'trustedDevice', 'trusted_device_token', 'totp_token', 'totpCode']) expect(isSecretKey(key), key).toBe(true);
    for (const key of ['twoFactor', 'totp_enabled', 'stdid']) expect(isSecretKey(key), key).toBe(false);
    expect(logged({ twoFactor: 'on', totp_enabled: true })).toContain('"twoFactor":"on","totp_enabled":true');
  });

  it('redacts inside error messages, stacks and causes', () => {
    const cause = new Error(`authenticate failed: {"password":"hunter2-cause"}`);
    const error = new Error(`GET https://admin:hunter2-msg@odoo.example.com failed; Cookie: session_id=${SID_18}`, { cause });
    error.stack = `${error.stack}\n    at fetch (file:///x.js:1:1) with session ${SID_17}`;
    const line = logged({ error });
    for (const leak of ['hunter2-cause', 'hunter2-msg', SID_18, SID_17]) expect(line).not.toContain(leak);
    expect(line).toContain('"message":');
    expect(line).toContain('"stack":');
  });

  it('never redacts the 42-character session identifier, by key or by value', () => {
    const line = logged({ sessionIdentifier: IDENTIFIER, session_identifier: IDENTIFIER, note: `session ${IDENTIFIER} ended` });
    expect(line.split(IDENTIFIER)).toHaveLength(4);
    expect(redact(`{"sessionIdentifier":"${IDENTIFIER}"}`)).toContain(IDENTIFIER);
  });

  it('keeps what is not secret readable', () => {
    const line = logged({ origin: 'https://odoo.example.com', kind: 'session-switch', count: 3, sha: 'abc123' });
    expect(line).toContain('"origin":"https://odoo.example.com"');
    expect(line).toContain('"count":3');
  });

  it('survives circular and deep data', () => {
    const loop: Record<string, unknown> = { name: 'x' };
    loop.self = loop;
    let deep: Record<string, unknown> = { password: 'deep-secret' };
    for (let i = 0; i < 20; i += 1) deep = { next: deep };
    const line = logged({ loop, deep });
    expect(line).toContain('[circular]');
    expect(line).not.toContain('deep-secret');
  });
});

describe('isSecretKey and redactValue', () => {
  it.each(['password', 'Password', 'new_password', 'passwd', 'pwd', 'secret', 'clientSecret', 'token', 'csrf_token', 'Authorization', 'proxy-authorization', 'cookie', 'Set-Cookie', 'api_key', 'X-Api-Key', 'apiKey', 'session_id', 'sessionId', 'sid'])(
    '%s is secret',
    (key) => expect(isSecretKey(key)).toBe(true),
  );

  it.each(['sessionIdentifier', 'session_identifier', 'login', 'origin', 'kind', 'reason', 'id', 'uid'])('%s is not', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });

  it('uses toJSON where an object has one (the connector never serialises its secrets)', () => {
    const holder = { toJSON: () => ({ login: 'admin', password: 'from-toJSON' }) };
    expect(redactValue(holder)).toEqual({ login: 'admin', password: '[redacted]' });
  });
});
