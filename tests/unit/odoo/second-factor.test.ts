// The connector's pieces of two-factor sign-in and the base URL that need no server:
// the User-Agent Odoo must be able to name a trusted device from (the real 18 named
// the Linux and Windows forms "Chrome on Linux" and "Chrome on Windows"; the
// simulator's parser does the same), the half-open answer, and when web.base.url
// deserves a word.
import { describe, expect, it } from 'vitest';
import { baseUrlNeedsWarning, sameAddress } from '../../../src-main/odoo/base-url';
import { consoleUserAgent, isSecondFactorDue } from '../../../src-main/odoo/second-factor';
import { deviceName } from '../../support/odoo-sim/totp-module';

describe('the two-factor pages’ User-Agent', () => {
  it.each([
    ['linux', 'Chrome on Linux'],
    ['win32', 'Chrome on Windows'],
    ['darwin', 'Chrome on Macos'],
  ])('on %s names the console and lets Odoo name the device %s', (platform, name) => {
    const agent = consoleUserAgent('1.2.3', platform, '144.0.0.0');
    expect(agent).toContain('ImpersonationConsole/1.2.3');
    expect(deviceName(agent)).toBe(name);
  });

  it('is one Odoo cannot name without a browser in it: what fetch sends by itself', () => {
    expect(deviceName('node')).toBeNull();
    expect(deviceName(null)).toBeNull();
  });
});

describe('the half-open answer', () => {
  it('is {"uid": null} and nothing else that authenticate answers', () => {
    expect(isSecondFactorDue({ uid: null })).toBe(true);
    expect(isSecondFactorDue({ uid: 2, name: 'Admin' })).toBe(false);
    expect(isSecondFactorDue(null)).toBe(false);
    expect(isSecondFactorDue({})).toBe(false);
  });
});

describe('web.base.url', () => {
  const state = { value: 'http://127.0.0.1:8069', frozen: false, consoleAddress: 'http://127.0.0.1:8069', changedByThisLogin: false };

  it('deserves a word when this sign-in moved it, or it names another address, unless frozen', () => {
    expect(baseUrlNeedsWarning(state)).toBe(false);
    expect(baseUrlNeedsWarning({ ...state, changedByThisLogin: true })).toBe(true);
    expect(baseUrlNeedsWarning({ ...state, value: 'https://odoo.example.com' })).toBe(true);
    expect(baseUrlNeedsWarning({ ...state, value: 'https://odoo.example.com', frozen: true })).toBe(false);
  });

  it('compares addresses as Odoo stores them: no trailing slash, any case', () => {
    expect(sameAddress('http://LOCALHOST:8069/', 'http://localhost:8069')).toBe(true);
    expect(sameAddress('http://localhost:8069', 'http://127.0.0.1:8069')).toBe(false);
  });
});
