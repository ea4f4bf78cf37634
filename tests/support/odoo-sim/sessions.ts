// Server-side sessions as Odoo keeps them: an id in the `session_id` cookie (40
// hex characters on Odoo 17, 84 url-safe ones from 18: version-profile.ts),
// rotated on authenticate and logout, dead after destroy, revoke or a password
// change of its user. `impersonate_from_uid` lives in the session and survives
// a new login on the same cookie (docs/odoo.md, Impersonation). A user with
// two-factor sign-in is half-open after the password (`preUid`, no `uid`) until
// the second factor finalizes it (totp-module.ts).
export interface SimSession {
  sid: string;
  uid: number | null;
  /** null before any impersonation, the admin's uid while impersonating, false after. */
  impersonateFromUid: number | null | false;
  /** The impersonate.log row this session's impersonation opened: back_to_origin_login closes that one. */
  impersonateLogId: number | false;
  /** When the identity check last succeeded (ms), for the 10-minute grace. */
  identityCheckAt: number;
  /** Whether this session's device-log row exists already (Odoo 18, 19). */
  deviceLogged: boolean;
  /** Changed by the current request: Odoo saves it and sends the cookie again. */
  dirty: boolean;
  /** Half-open: the password was right, the second factor is still due (Odoo's `pre_uid`). */
  preUid: number | null;
  /** The CSRF tokens this session's pages handed out (the two-factor form checks them). */
  csrfTokens: string[];
}

export interface LiveSession {
  identifier: string;
  uid: number;
  impersonateFromUid: number | null | false;
}

/** Odoo's session identifier (res.device.log, Odoo 18 and 19): the first 42 characters of the id. */
export const IDENTIFIER_LENGTH = 42;

export class SessionStore {
  readonly #sessions = new Map<string, SimSession>();
  /** Every session id ever handed out, for the canary test (SS-10): none may reach the console's disk. */
  readonly issued: string[] = [];

  constructor(private readonly newId: () => string) {}

  create(): SimSession {
    const session: SimSession = {
      sid: this.newId(),
      uid: null,
      impersonateFromUid: null,
      impersonateLogId: false,
      identityCheckAt: 0,
      deviceLogged: false,
      dirty: false,
      preUid: null,
      csrfTokens: [],
    };
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
    fresh.impersonateLogId = old.impersonateLogId;
    fresh.identityCheckAt = old.identityCheckAt;
    // The device trace lives in the session's data and moves with it: no new device row for the new id.
    fresh.deviceLogged = old.deviceLogged;
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
