// The admin API session of a connection (docs/architecture.md, Sessions against Odoo):
// its own cookie jar, authenticated lazily, re-authenticated once when Odoo says
// the session expired, then the error is reported.
import type { OdooClient, RpcAnswer } from './odoo-client';
import { isOdooError } from './odoo-error';
import type { RpcChannel } from './rpc-channel';
import { authenticateSession } from './impersonation';
import type { SessionInfo } from './session-info';

export interface AdminLogin {
  database: string;
  login: string;
}

export class AdminSession implements RpcChannel {
  readonly #client: OdooClient;
  readonly #password: () => string;
  #info: SessionInfo | null = null;
  #authenticating: Promise<SessionInfo> | null = null;

  constructor(
    client: OdooClient,
    private readonly account: AdminLogin,
    password: () => string,
  ) {
    this.#client = client;
    this.#password = password;
  }

  /** The session info from the last authenticate, authenticating first if needed. */
  async info(): Promise<SessionInfo> {
    return this.#info ?? this.authenticate();
  }

  /** Authenticates (or re-authenticates: Odoo rotates the cookie). Concurrent callers share one attempt. */
  authenticate(): Promise<SessionInfo> {
    this.#authenticating ??= authenticateSession(this.#client, this.account.database, this.account.login, this.#password())
      .then((info) => {
        this.#info = info;
        return info;
      })
      .finally(() => {
        this.#authenticating = null;
      });
    return this.#authenticating;
  }

  call(path: string, params: Record<string, unknown>): Promise<RpcAnswer> {
    return this.#withSession(() => this.#client.call(path, params));
  }

  callKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<RpcAnswer> {
    return this.#withSession(() => this.#client.callKw(model, method, args, kwargs));
  }

  /** Ends the admin session on the server; a dead one counts as ended. */
  async destroy(): Promise<void> {
    if (!this.#client.hasSession()) return;
    try {
      await this.#client.call('/web/session/destroy', {});
    } catch (error) {
      if (!isOdooError(error, 'session-expired')) throw error;
    } finally {
      this.#info = null;
      this.#client.forgetSession();
    }
  }

  toJSON(): { login: string; authenticated: boolean } {
    return { login: this.account.login, authenticated: this.#info !== null };
  }

  async #withSession(run: () => Promise<RpcAnswer>): Promise<RpcAnswer> {
    if (this.#info === null) await this.authenticate();
    try {
      return await run();
    } catch (error) {
      if (!isOdooError(error, 'session-expired')) throw error;
      this.#info = null;
      await this.authenticate();
      return run();
    }
  }
}
