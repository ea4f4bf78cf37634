import { describe, expect, it } from 'vitest';
import { isOdooError } from '../../../src-main/odoo';
import { parseSessionInfo } from '../../../src-main/odoo/session-info';

const base = {
  uid: 2,
  name: 'Mitchell Admin',
  username: 'admin',
  partner_id: 3,
  db: 'odoo',
  is_system: true,
  server_version: '18.0',
  server_version_info: [18, 0, 0, 'final', 0, ''],
};

describe('parseSessionInfo', () => {
  it('reads the module keys: null before, the admin while impersonating, false after', () => {
    expect(parseSessionInfo({ ...base, is_impersonate_user: true, impersonate_from_uid: null }).impersonateFromUid).toBeNull();
    expect(parseSessionInfo({ ...base, is_impersonate_user: true, impersonate_from_uid: 2 }).impersonateFromUid).toBe(2);
    expect(parseSessionInfo({ ...base, is_impersonate_user: true, impersonate_from_uid: false }).impersonateFromUid).toBeNull();
  });

  it('knows when the module is absent', () => {
    const info = parseSessionInfo(base);
    expect(info.impersonationKeys).toBe(false);
    expect(info.isImpersonateUser).toBe(false);
  });

  it('reads the major version of a saas build', () => {
    expect(parseSessionInfo({ ...base, server_version_info: ['saas~17', 2, 0, 'final', 0, ''] }).versionMajor).toBe(17);
  });

  it('calls an answer of another shape not Odoo', () => {
    expect(isOdooError((() => { try { return parseSessionInfo({ uid: 'x' }); } catch (e) { return e; } })(), 'not-odoo')).toBe(true);
  });
});
