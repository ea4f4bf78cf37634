import { describe, expect, it } from 'vitest';
import type { IneligibleReason } from '../../../src-preload/contract';
import { SUPERUSER_ID, ineligibilityReasons, isEligible, type TargetFacts } from '../../../src-main/core/eligibility';

const ADMIN_UID = 2;
const plain: TargetFacts = { id: 6, active: true, share: false, isSystemAdmin: false };

describe('eligibility', () => {
  it.each<[string, Partial<TargetFacts>, IneligibleReason[]]>([
    ['a plain internal user', {}, []],
    ['yourself', { id: ADMIN_UID }, ['self']],
    ['the superuser', { id: SUPERUSER_ID }, ['superuser']],
    ['another administrator', { isSystemAdmin: true }, ['administrator']],
    ['a portal user', { share: true }, ['portal']],
    ['an archived user', { active: false }, ['archived']],
    ['yourself, an administrator', { id: ADMIN_UID, isSystemAdmin: true }, ['self', 'administrator']],
    ['the superuser, an administrator', { id: SUPERUSER_ID, isSystemAdmin: true }, ['superuser', 'administrator']],
    ['an archived portal user', { share: true, active: false }, ['portal', 'archived']],
    ['an archived administrator', { isSystemAdmin: true, active: false }, ['administrator', 'archived']],
    ['an archived portal administrator (odd data)', { isSystemAdmin: true, share: true, active: false }, ['administrator', 'portal', 'archived']],
  ])('%s', (_name, overrides, reasons) => {
    const target = { ...plain, ...overrides };
    expect(ineligibilityReasons(target, ADMIN_UID)).toEqual(reasons);
    expect(isEligible(target, ADMIN_UID)).toBe(reasons.length === 0);
  });

  it('gives every applicable reason for each of the 32 combinations of facts', () => {
    for (let mask = 0; mask < 32; mask += 1) {
      const has = (bit: number) => (mask & (1 << bit)) !== 0;
      // self and superuser together: an admin whose uid is 1 looking at themself.
      const adminUid = has(0) && has(1) ? SUPERUSER_ID : ADMIN_UID;
      const id = has(1) ? SUPERUSER_ID : has(0) ? ADMIN_UID : 6;
      const target: TargetFacts = { id, isSystemAdmin: has(2), share: has(3), active: !has(4) };
      const expected = (['self', 'superuser', 'administrator', 'portal', 'archived'] as const).filter((_r, bit) => has(bit));
      expect(ineligibilityReasons(target, adminUid), `mask ${mask}`).toEqual(expected);
    }
  });
});
