// The one way the console names an Odoo session outside memory (SS-10): the
// correlation identifier it records locally, writes in its ir.logging entry and,
// where Odoo has one, revokes by. Never the session id, nor anything from which
// it can be rebuilt (docs/odoo.md, Versions):
// - where the server keeps a device log (Odoo 18, 19 — 17.2 in Odoo's own
//   numbering), Odoo's own identifier, the first 42 of the 84 characters of the
//   session id, which res.device.log shows and res.device revoke needs: the other
//   42 characters (about 250 bits) stay secret;
// - on Odoo 17 there is no such identifier, and the first 42 characters of its
//   40-character session id would be the whole id. There the identifier is a
//   one-way digest of the id, as long as Odoo's, which nothing can turn back.
import { createHash } from 'node:crypto';
import { SESSION_IDENTIFIER_LENGTH } from '../../src-preload/limits';
import { OdooError } from './odoo-error';

/** 'device-log': Odoo's own sid[:42]; 'digest': a one-way digest (servers without res.device.log). */
export type IdentifierScheme = 'device-log' | 'digest';

const DIGEST_LABEL = 'impersonation-console/session/v1\0';

export function identifierScheme(features: { hasDeviceLog: boolean }): IdentifierScheme {
  return features.hasDeviceLog ? 'device-log' : 'digest';
}

export function sessionIdentifierOf(sessionId: string, scheme: IdentifierScheme): string {
  const identifier =
    scheme === 'device-log'
      ? sessionId.slice(0, SESSION_IDENTIFIER_LENGTH)
      : createHash('sha256').update(DIGEST_LABEL + sessionId).digest('base64url').slice(0, SESSION_IDENTIFIER_LENGTH);
  assertNotRebuildable(identifier, sessionId);
  return identifier;
}

/**
 * SS-10: the identifier is never the session id, and never a prefix of it longer
 * than half of it (which would leave too little of the id secret). A server whose
 * ids are shorter than Odoo 18's fails here instead of leaking its sessions.
 */
export function assertNotRebuildable(identifier: string, sessionId: string): void {
  const coversTheId = identifier === sessionId || (sessionId.includes(identifier) && identifier.length * 2 > sessionId.length);
  if (identifier.length === 0 || coversTheId) throw new OdooError('verification-failed', { problem: 'session-identifier' });
}
