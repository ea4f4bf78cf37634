// The tests' RFC 6238 generator against the RFC's own test vectors (SHA-1, the
// 20-byte ASCII secret "12345678901234567890", 8 digits there; the last 6 of each
// here), and the window Odoo accepts (one step either side).
import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, matchTotp, totp, totpStep } from '../../support/totp';

// RFC 6238 Appendix B, SHA-1 column: time (s) → 8-digit TOTP.
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('RFC 6238 codes for the tests', () => {
  const key = Buffer.from('12345678901234567890', 'ascii');

  it.each(VECTORS)('gives the RFC vector at %i s', (seconds, expected) => {
    expect(hotp(key, totpStep(seconds * 1000), 8)).toBe(expected);
    expect(hotp(key, totpStep(seconds * 1000))).toBe(expected.slice(2));
  });

  it('reads a base32 secret: the RFC key is GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', () => {
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').equals(key)).toBe(true);
    expect(totp('gezdgnbvgy3tqojq gezdgnbvgy3tqojq', 59_000)).toBe('287082');
  });

  it('matches a code of the step before, the step itself and the step after, no other', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const now = 1_800_000_015_000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) expect(matchTotp(secret, totp(secret, now + offset * 30_000), now)).toBe(step + offset);
    expect(matchTotp(secret, totp(secret, now - 60_000), now)).toBeNull();
    expect(matchTotp(secret, totp(secret, now + 60_000), now)).toBeNull();
  });
});
