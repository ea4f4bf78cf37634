// Server-side sessions as Odoo keeps them: an 84-character url-safe id in the
// `session_id` cookie, rotated on authenticate, dead after destroy, revoke or a
// password change of its user. `impersonate_from_uid` lives in the session and
// survives a new login on the same cookie (docs/odoo.md, Impersonation).
import { randomBytes } from 'node:crypto';

export interface SimSession {
  sid: string;
  uid: number | null;
  /** null before any impersonation, the admin's uid while impersonating, false after. */
  impersonateFromUid: number | null | false;
  /** When the identity check last succeeded (ms), for the 10-minute grace. */
  identityCheckAt: number;
  /** Whether this session's device-log row exists already. */
  deviceLogged: boolean;
}

export interface LiveSession {
  identifier: string;
  uid: number;
  impersonateFromUid: number | null | false;
}

export const IDENTIFIER_LENGTH = 42;

export class SessionStore {
  readonly #sessions = new Map<string, SimSession>();
  /** Every session id ever handed out, for the canary test (SS-10): none may reach the console's disk. */
  readonly issued: string[] = [];

  create(): SimSession {
    // 63 random bytes give 84 url-safe characters, like Odoo's session ids.
    const session: SimSession = { sid: randomBytes(63).toString('base64url'), uid: null, impersonateFromUid: null, identityCheckAt: 0, deviceLogged: false };
    this.#sessions.set(session.sid, session);
    this.issued.push(session.sid);
    return session;
  }

  get(sid: string | null): SimSession | undefined {
    return sid === null ? undefined : this.#sessions.get(sid);
  }

  /** Authenticate on an existing session: a new id, the old one dead, the session's data kept. */
  rotate(old: SimSession): SimSession {
    this.#sessions.delete(old.sid);
    const fresh = this.create();
    fresh.impersonateFromUid = old.impersonateFromUid;
    fresh.identityCheckAt = old.identityCheckAt;
    return fresh;
  }

  delete(sid: string): void {
    this.#sessions.delete(sid);
  }

  /** Deletes every session whose id starts with one of the identifiers (res.device revoke). */
  deleteByIdentifiers(identifiers: string[]): number {
    let deleted = 0;
    for (const sid of [...this.#sessions.keys()]) {
      if (identifiers.includes(sid.slice(0, IDENTIFIER_LENGTH))) {
        this.#sessions.delete(sid);
        deleted++;
      }
    }
    return deleted;
  }

  /** A password change: every session acting as this user dies, impersonating ones included. */
  expireUser(uid: number): void {
    for (const session of [...this.#sessions.values()]) if (session.uid === uid) this.#sessions.delete(session.sid);
  }

  /** Authenticated sessions only (anonymous ones hold nothing). */
  live(): LiveSession[] {
    return [...this.#sessions.values()]
      .filter((s): s is SimSession & { uid: number } => s.uid !== null)
      .map((s) => ({ identifier: s.sid.slice(0, IDENTIFIER_LENGTH), uid: s.uid, impersonateFromUid: s.impersonateFromUid }));
  }
}
