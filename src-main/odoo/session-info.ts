// The part of Odoo's session info the console reads (docs/odoo.md, Sessions and the
// cookie), checked with a schema: an answer of another shape is "not Odoo" (IN-4).
import { z } from 'zod';
import { OdooError } from './odoo-error';

const RawSessionInfo = z.looseObject({
  uid: z.number().int().positive(),
  name: z.string(),
  username: z.string(),
  partner_id: z.number().int().optional(),
  db: z.string(),
  is_admin: z.boolean().optional(),
  is_system: z.boolean(),
  is_internal_user: z.boolean().optional(),
  server_version: z.string(),
  server_version_info: z.array(z.union([z.string(), z.number()])),
  // Present only with impersonate_login installed.
  is_impersonate_user: z.boolean().optional(),
  // null before any impersonation, the original uid while impersonating, false after.
  impersonate_from_uid: z.union([z.number().int(), z.literal(false), z.null()]).optional(),
});

export interface SessionInfo {
  uid: number;
  name: string;
  login: string;
  partnerId: number | null;
  db: string;
  /** Member of base.group_system (Settings administrator). */
  isSystem: boolean;
  serverVersion: string;
  /** From server_version_info, e.g. 18; "saas~17" counts as 17. */
  versionMajor: number;
  versionMinor: number;
  /** Whether the session info carries the module's keys at all (module installed). */
  impersonationKeys: boolean;
  isImpersonateUser: boolean;
  /** The admin uid while this session impersonates, else null. */
  impersonateFromUid: number | null;
}

function versionNumber(part: string | number | undefined): number {
  if (typeof part === 'number') return part;
  const match = /(\d+)/.exec(part ?? '');
  return match ? Number(match[1]) : 0;
}

export function parseSessionInfo(value: unknown): SessionInfo {
  const parsed = RawSessionInfo.safeParse(value);
  if (!parsed.success) throw new OdooError('not-odoo', { problem: 'session-info' });
  const raw = parsed.data;
  const from = raw.impersonate_from_uid;
  return {
    uid: raw.uid,
    name: raw.name,
    login: raw.username,
    partnerId: raw.partner_id ?? null,
    db: raw.db,
    isSystem: raw.is_system,
    serverVersion: raw.server_version,
    versionMajor: versionNumber(raw.server_version_info[0]),
    versionMinor: versionNumber(raw.server_version_info[1]),
    impersonationKeys: 'is_impersonate_user' in raw,
    isImpersonateUser: raw.is_impersonate_user === true,
    impersonateFromUid: typeof from === 'number' ? from : null,
  };
}
