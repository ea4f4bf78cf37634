// A live impersonation on the server, as the connector holds it: the fresh Odoo
// session, now acting as the target. It owns that session's cookie jar (SS-1); the full cookie never shows in toString, JSON or
// util.inspect (SS-10): only the shell asks for it, by name, to set it on the
// view's own partition.
import { inspect } from 'node:util';
import type { ImpersonateLogWatch } from '../core';
import type { OdooClient } from './odoo-client';

export interface ImpersonatedUser {
  id: number;
  login: string;
  name: string;
}

export interface ImpersonationFacts {
  /** The session's 42-character identifier (session-identifier.ts): Odoo's own on 18, 19, a digest on 17; never the id. */
  sessionIdentifier: string;
  target: ImpersonatedUser;
  adminUid: number;
  /** UTC "YYYY-MM-DD HH:MM:SS" from the server's clock (Date header of impersonate_login), when known. */
  startedAtServer: string | null;
  /** The IP address the server saw for this session (res.device.log), when known. */
  serverIp: string | null;
  /** false on servers without res.device.log (Odoo 17): the console's own view of its IP must do. */
  serverIpAvailable: boolean;
  /** Where the embedded view opens the web client as the target. */
  webClientUrl: string;
  origin: string;
  /** What the tripwire watches in impersonate.log; null where the server has none. */
  logWatch: ImpersonateLogWatch | null;
}

export class ImpersonatedSession {
  readonly #client: OdooClient;
  /** Set once back_to_origin_login succeeded, so a retried stop does not repeat it. */
  #backToOriginDone = false;
  /** This session's impersonate.log row: the only candidate at the start, or the one its end closed. */
  #impersonateLogId: number | null;

  constructor(
    client: OdooClient,
    readonly facts: ImpersonationFacts,
  ) {
    this.#client = client;
    const candidates = facts.logWatch?.ownRowIds ?? [];
    this.#impersonateLogId = candidates.length === 1 ? candidates[0]! : null;
  }

  get impersonateLogId(): number | null {
    return this.#impersonateLogId;
  }

  /** The end told the candidates apart (null: it could not). */
  resolveLogRow(id: number | null): void {
    this.#impersonateLogId ??= id;
  }

  get sessionIdentifier(): string {
    return this.facts.sessionIdentifier;
  }

  get target(): ImpersonatedUser {
    return this.facts.target;
  }

  /** The full `session_id` cookie value, for the impersonation view's in-memory partition only. */
  sessionCookieForView(): string {
    const cookie = this.#client.sessionCookie();
    if (cookie === null) throw new Error('the impersonation session has ended');
    return cookie;
  }

  /** For the connector's stop sequence. */
  clientForStop(): OdooClient {
    return this.#client;
  }

  get backToOriginDone(): boolean {
    return this.#backToOriginDone;
  }

  markBackToOrigin(): void {
    this.#backToOriginDone = true;
  }

  toJSON(): ImpersonationFacts {
    return this.facts;
  }

  toString(): string {
    return `ImpersonatedSession(${this.facts.sessionIdentifier}, target ${this.facts.target.id})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
