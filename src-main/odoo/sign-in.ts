// Signing a fresh cookie jar in (docs/odoo.md, Sessions and the cookie; Two-factor
// sign-in): authenticate with the password, then, for a login with two-factor
// sign-in (the answer says {"uid": null}), the second factor — the trusted device,
// or the code — after which the session info is asked for, since authenticate's
// answer held none. The answer's Date is when the server checked the password: the
// moment a Settings administrator's sign-in moves web.base.url (base-url.ts).
import type { OdooClient } from './odoo-client';
import type { RpcChannel } from './rpc-channel';
import { completeSecondFactor, isSecondFactorDue, type SecondFactorInput } from './second-factor';
import { parseSessionInfo, type SessionInfo } from './session-info';

export interface Credentials {
  database: string;
  login: string;
  password: string;
}

export interface SignedIn {
  info: SessionInfo;
  /** The server's clock when it checked the password (authenticate's Date header). */
  passwordCheckedAt: Date | null;
}

export async function readSessionInfo(client: RpcChannel): Promise<SessionInfo> {
  return parseSessionInfo((await client.call('/web/session/get_session_info', {})).result);
}

/**
 * The password step; `halfOpen` is told when the server wants the second factor, before
 * it is tried, so that a caller can keep the half-open session for a code that follows.
 */
export async function signIn(
  client: OdooClient,
  credentials: Credentials,
  factor: SecondFactorInput,
  halfOpen: (passwordCheckedAt: Date | null) => void = () => {},
): Promise<SignedIn> {
  const answer = await client.call('/web/session/authenticate', { db: credentials.database, login: credentials.login, password: credentials.password });
  if (!isSecondFactorDue(answer.result)) return { info: parseSessionInfo(answer.result), passwordCheckedAt: answer.serverDate };
  halfOpen(answer.serverDate);
  await completeSecondFactor(client, factor);
  return { info: await readSessionInfo(client), passwordCheckedAt: answer.serverDate };
}
