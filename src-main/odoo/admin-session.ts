// The admin API session of a connection (docs/architecture.md, Sessions against Odoo):
// its own cookie jar, authenticated lazily, re-authenticated once when Odoo says
// the session expired, then the error is reported. For a login with two-factor
// sign-in, authenticating finishes through the trusted device; where that is refused
// or missing the session stays half-open and `completeWithCode` finishes it with the
// admin's code, without checking the password again.
import type { OdooClient, RpcAnswer } from './odoo-client';
import { isOdooError } from './odoo-error';
import type { RpcChannel } from './rpc-channel';
import { completeSecondFactor, type TrustedDeviceSlot } from './second-factor';
import type { SessionInfo } from './session-info';
import { readSessionInfo, signIn } from './sign-in';

export interface AdminLogin {
  database: string;
  login: string;
  trustedDevice: TrustedDeviceSlot;
  userAgent: string;
}

export class AdminSession implements RpcChannel {
  readonly #client: OdooClient;
  readonly #password: () => string;
  #info: SessionInfo | null = null;
  #authenticating: Promise<SessionInfo> | null = null;
  /** The password was accepted and the second factor is still due on this jar. */
  #halfOpen = false;
  #passwordCheckedAt: Date | null = null;

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

  /** When the server last checked this session's password (its clock), if known. */
  get passwordCheckedAt(): Date | null {
    return this.#passwordCheckedAt;
  }

  /** Authenticates (or re-authenticates: Odoo rotates the cookie). Concurrent callers share one attempt. */
  authenticate(): Promise<SessionInfo> {
    this.#authenticating ??= this.#signIn(null).finally(() => {
      this.#authenticating = null;
    });
    return this.#authenticating;
  }

  /** The second factor with the admin's code: on the half-open session if there is one, else after the password again. */
  async completeWithCode(code: string): Promise<SessionInfo> {
    if (!this.#halfOpen) return this.#signIn(code);
    await completeSecondFactor(this.#client, this.#factor(code));
    this.#halfOpen = false;
    return this.#remember(await readSessionInfo(this.#client));
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
      this.#halfOpen = false;
      this.#client.forgetSession();
    }
  }

  toJSON(): { login: string; authenticated: boolean } {
    return { login: this.account.login, authenticated: this.#info !== null };
  }

  async #signIn(code: string | null): Promise<SessionInfo> {
    this.#halfOpen = false;
    const credentials = { database: this.account.database, login: this.account.login, password: this.#password() };
    const signedIn = await signIn(this.#client, credentials, this.#factor(code), (checkedAt) => {
      this.#halfOpen = true;
      this.#passwordCheckedAt = checkedAt;
    });
    this.#halfOpen = false;
    this.#passwordCheckedAt = signedIn.passwordCheckedAt;
    return this.#remember(signedIn.info);
  }

  #factor(code: string | null) {
    return { slot: this.account.trustedDevice, code, userAgent: this.account.userAgent };
  }

  #remember(info: SessionInfo): SessionInfo {
    this.#info = info;
    return info;
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
