// The one place that writes a cookie into an Electron session (docs/style.md: wrap
// dangerous calls once). Only the impersonation view's own partition ever gets
// Odoo's `session_id`; the default session never does (SS-4).
import type { Session } from 'electron';
import type { OriginPolicy } from '../core';

/**
 * Sets Odoo's session cookie as Odoo itself would (docs/odoo.md: HttpOnly, Path=/,
 * Secure only on https), host-only and without an expiry so that it lives no
 * longer than the in-memory partition.
 */
export async function setOdooSessionCookie(partitionSession: Session, policy: OriginPolicy, value: string): Promise<void> {
  await partitionSession.cookies.set({
    url: `${policy.origin}/`,
    name: 'session_id',
    value,
    path: '/',
    httpOnly: true,
    secure: policy.secure,
    // Odoo sends no SameSite, which Chromium treats as lax: keep what Odoo expects.
    sameSite: 'lax',
  });
}
