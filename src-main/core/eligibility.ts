// Who may be impersonated (AZ-2..4). The OCA module refuses only "yourself" and
// lets a group member impersonate administrators, archived and portal users and
// the superuser (docs/odoo.md), so the console decides here, from server facts.
import type { IneligibleReason } from '../../src-preload/contract';

/** Odoo's superuser (`__system__`, OdooBot). */
export const SUPERUSER_ID = 1;

export interface TargetFacts {
  id: number;
  active: boolean;
  /** Odoo's `share`: true for portal and public users. */
  share: boolean;
  /** Member of base.group_system, as the server computes it (one query by group id). */
  isSystemAdmin: boolean;
}

/** Every reason the target may not be impersonated by `adminUid`; empty when eligible. */
export function ineligibilityReasons(target: TargetFacts, adminUid: number): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (target.id === adminUid) reasons.push('self');
  if (target.id === SUPERUSER_ID) reasons.push('superuser');
  if (target.isSystemAdmin) reasons.push('administrator');
  if (target.share) reasons.push('portal');
  if (!target.active) reasons.push('archived');
  return reasons;
}

export function isEligible(target: TargetFacts, adminUid: number): boolean {
  return ineligibilityReasons(target, adminUid).length === 0;
}
