import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../../src-main/odoo/cookie-jar';

const SID = 'A'.repeat(42) + 'B'.repeat(42);

describe('CookieJar', () => {
  it('keeps only session_id from the Set-Cookie headers', () => {
    const jar = new CookieJar();
    jar.absorb(['frontend_lang=en_US; Path=/', `session_id=${SID}; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=604800; HttpOnly; Path=/`]);
    expect(jar.cookieHeader()).toBe(`session_id=${SID}`);
    expect(jar.sessionIdentifier('device-log')).toBe('A'.repeat(42));
  });

  it('takes a rotated value and forgets an expired one', () => {
    const jar = new CookieJar();
    jar.absorb([`session_id=${SID}; Path=/`]);
    jar.absorb(['session_id=rotated; Path=/']);
    expect(jar.sessionId()).toBe('rotated');
    jar.absorb(['session_id=rotated; Max-Age=0; Path=/']);
    expect(jar.sessionId()).toBeNull();
  });

  it('does not show the cookie when serialised', () => {
    const jar = new CookieJar();
    jar.absorb([`session_id=${SID}; Path=/`]);
    expect(JSON.stringify(jar)).toBe('{"hasSession":true}');
  });
});
