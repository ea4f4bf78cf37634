// SS-10: the correlation identifier (session-identifier.ts) is never the session
// id nor a prefix covering it, on any version's ids (docs/odoo.md, Versions).
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertNotRebuildable, identifierScheme, sessionIdentifierOf } from '../../../src-main/odoo/session-identifier';

const odoo17Id = () => createHash('sha1').update(randomBytes(30)).digest('hex');
const odoo18Id = () => randomBytes(63).toString('base64url');

describe('the session identifier', () => {
  it("is Odoo's own first 42 of the 84 characters where the server keeps a device log (18, 19)", () => {
    const sid = odoo18Id();
    expect(identifierScheme({ hasDeviceLog: true })).toBe('device-log');
    expect(sessionIdentifierOf(sid, 'device-log')).toBe(sid.slice(0, 42));
  });

  it('is a 42-character one-way digest on Odoo 17, sharing nothing with the 40-character id', () => {
    expect(identifierScheme({ hasDeviceLog: false })).toBe('digest');
    fc.assert(
      fc.property(fc.constant(null).map(odoo17Id), (sid) => {
        const identifier = sessionIdentifierOf(sid, 'digest');
        expect(identifier).toMatch(/^[A-Za-z0-9_-]{42}$/);
        expect(identifier).not.toContain(sid.slice(0, 20));
        expect(sid).not.toContain(identifier.slice(0, 20));
        // Stable: the same session gets the same identifier every time.
        expect(sessionIdentifierOf(sid, 'digest')).toBe(identifier);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses Odoo's 42-character prefix of a 17 id: it would be the whole session id", () => {
    const sid = odoo17Id();
    expect(() => sessionIdentifierOf(sid, 'device-log')).toThrow(expect.objectContaining({ kind: 'verification-failed' }));
  });

  it('refuses any identifier that is the id or covers more than half of it', () => {
    const sid = odoo18Id();
    expect(() => assertNotRebuildable(sid, sid)).toThrow();
    expect(() => assertNotRebuildable(sid.slice(0, 43), sid)).toThrow();
    expect(() => assertNotRebuildable(sid.slice(10, 60), sid)).toThrow();
    expect(() => assertNotRebuildable('', sid)).toThrow();
    expect(() => assertNotRebuildable(sid.slice(0, 42), sid)).not.toThrow();
  });
});
