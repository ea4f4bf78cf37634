// The admin's fresh server session, authenticated while the reason is typed (issue 13:
// the password hash is paid before Confirm), not impersonating yet. Its cookie jar is
// used for one start only: taking it empties this holder, so it can never switch twice.
// What may be done without a target is done here: authenticate, AZ-1 on its answer,
// the first checked request (which creates the server's device record) and the IP the
// server saw for it (res.device.log).
import { inspect } from 'node:util';
import { z } from 'zod';
import { AdminRightsRefusal, SecondFactorRefusal } from '../core';
import type { OdooClient } from './odoo-client';
import { OdooError, isOdooError } from './odoo-error';
import { resultOf, type RpcChannel } from './rpc-channel';
import { IMPERSONATE_GROUP_XMLID, type ServerFeatures } from './server-features';
import { identifierScheme } from './session-identifier';
import type { TrustedDeviceSlot } from './second-factor';
import type { SessionInfo } from './session-info';
import { readSessionInfo, signIn } from './sign-in';

export interface WarmUpContext {
  /** A client with an empty cookie jar, used for this one session only. */
  freshClient: OdooClient;
  database: string;
  login: string;
  password: string;
  adminUid: number;
  /** The admin API session: the device log (server-seen IP). */
  admin: RpcChannel;
  features: ServerFeatures;
  /** For a login with two-factor sign-in: the fresh session finishes through this trusted device. */
  trustedDevice: TrustedDeviceSlot;
  userAgent: string;
}

const DeviceRows = z.array(z.object({ ip_address: z.union([z.string(), z.literal(false)]) }));

export class WarmServerSession {
  #client: OdooClient | null;

  constructor(
    client: OdooClient,
    readonly sessionIdentifier: string,
    readonly serverIp: string | null,
  ) {
    this.#client = client;
  }

  /** The cookie jar, once: a second take answers null (a warm session is never reused). */
  take(): OdooClient | null {
    const client = this.#client;
    this.#client = null;
    return client;
  }

  get used(): boolean {
    return this.#client === null;
  }

  toJSON(): { sessionIdentifier: string } {
    return { sessionIdentifier: this.sessionIdentifier };
  }

  [inspect.custom](): string {
    return `WarmServerSession(${this.sessionIdentifier})`;
  }
}

/**
 * The fresh session's sign-in. With two-factor sign-in it can only finish through the
 * trusted device — nobody is there to type a code — so a missing or refused one is a
 * refusal telling the admin to connect again with a code (nothing changed on the server).
 */
async function signInFresh(ctx: WarmUpContext): Promise<SessionInfo> {
  const factor = { slot: ctx.trustedDevice, code: null, userAgent: ctx.userAgent };
  try {
    return (await signIn(ctx.freshClient, { database: ctx.database, login: ctx.login, password: ctx.password }, factor)).info;
  } catch (error) {
    if (isOdooError(error, 'second-factor-required') || isOdooError(error, 'trusted-device-refused')) throw new SecondFactorRefusal();
    throw error;
  }
}

/** Authenticates a fresh session as the admin, nothing more; on any failure it is destroyed first. */
export async function warmUp(ctx: WarmUpContext): Promise<WarmServerSession> {
  const client = ctx.freshClient;
  try {
    // Inside the try: a mangled answer may still have brought a cookie worth destroying.
    const login = await signInFresh(ctx);
    if (login.uid !== ctx.adminUid) throw new OdooError('verification-failed', { problem: 'admin' });
    // AZ-1 at every start, on the fresh session's own answer: rights removed since the
    // connect are refused here, before impersonate_login is ever called.
    await assertAdminRights(client, login);
    // The first checked request creates the server's device record for this session.
    await readSessionInfo(client);
    const sessionIdentifier = client.sessionIdentifier(identifierScheme(ctx.features));
    if (sessionIdentifier === null) throw new OdooError('verification-failed', { problem: 'cookie' });
    const serverIp = ctx.features.hasDeviceLog ? await readServerIp(ctx.admin, sessionIdentifier) : null;
    return new WarmServerSession(client, sessionIdentifier, serverIp);
  } catch (error) {
    await destroySession(client);
    throw error;
  }
}

/** /web/session/destroy on a client's session, then forgets its cookie; safe when there is none. */
export async function destroySession(client: OdooClient, failQuietly = true): Promise<void> {
  if (!client.hasSession()) return;
  try {
    await client.call('/web/session/destroy', {});
  } catch (error) {
    if (!failQuietly) throw error;
  }
  client.forgetSession();
}

/** AZ-1: is_system and is_impersonate_user from the authenticate answer itself. */
async function assertAdminRights(client: OdooClient, login: SessionInfo): Promise<void> {
  if (!login.isSystem) throw new AdminRightsRefusal('admin-not-system');
  let inGroup = login.isImpersonateUser;
  if (!login.impersonationKeys) {
    // A module release whose session info lacks its key: ask the server on this session.
    inGroup = (await client.callKw('res.users', 'has_group', [[login.uid], IMPERSONATE_GROUP_XMLID])).result === true;
  }
  if (!inGroup) throw new AdminRightsRefusal('admin-not-impersonator');
}

async function readServerIp(admin: RpcChannel, sessionIdentifier: string): Promise<string | null> {
  const answer = await admin.callKw('res.device.log', 'search_read', [[['session_identifier', '=', sessionIdentifier]]], {
    fields: ['ip_address'],
    order: 'id asc',
    limit: 1,
  });
  const first = resultOf(answer, DeviceRows, 'device-log')[0];
  return first && first.ip_address !== false ? first.ip_address : null;
}
