// Where the contract suite runs: against the Odoo simulator by default — once per
// simulated version, 17, 18 and 19 (ODOO_SIM_VERSIONS="18" or "17,19" narrows it)
// — or against one real Odoo server when these are set (`odoo-lab env` prints them):
//   ODOO_URL, ODOO_DB, ODOO_ADMIN_LOGIN, ODOO_ADMIN_PASSWORD   a Settings administrator in the impersonation group
//   ODOO_USER_LOGIN, ODOO_USER_PASSWORD                         a plain internal user
//   ODOO_ADMIN2_LOGIN, ODOO_ADMIN2_PASSWORD                     a second Settings administrator (not in the group)
//   ODOO_PORTAL_LOGIN, ODOO_PORTAL_PASSWORD                     a portal user
//   ODOO_ARCHIVED_LOGIN                                         an archived user
//   ODOO_SUPERVISOR_LOGIN (default "sue")                       an administrator only through a group that implies Settings
//   ODOO_TOTP_LOGIN, ODOO_TOTP_PASSWORD, ODOO_TOTP_SECRET       a Settings administrator in the impersonation group with
//                                                               two-factor sign-in, and its base32 TOTP secret (default the
//                                                               lab's admin3: "admin3", "admin3", JBSWY3DPEHPK3PXP)
//   ODOO_VERSION (optional)                                     the major version CI expects; the suite detects the
//                                                               version from the server and fails if they differ
// The version is always read from the server (server_version_info), never assumed;
// tests whose expectation differs per version branch on `target.version`.
import { afterAll, beforeAll } from 'vitest';
import { OdooConnection } from '../../src-main/odoo';
import { startOdooSim, type OdooSim } from '../support/odoo-sim';
import { LAB_TOTP_SECRET, type TotpClock } from '../support/totp';
import { RawSession } from './raw-session';

export interface Account {
  login: string;
  password: string;
}

export type SimVersion = 17 | 18 | 19;
export type TargetSpec = { kind: 'real' } | { kind: 'sim'; version: SimVersion };

export interface ContractTarget {
  url: string;
  database: string;
  /** The major version, as the server reports it. */
  version: number;
  /** "real Odoo 18" or "simulated Odoo 18": what a failure message names. */
  label: string;
  admin: Account;
  user: Account;
  admin2: Account;
  portal: Account;
  archivedLogin: string;
  supervisorLogin: string;
  /** An administrator with two-factor sign-in (the lab's admin3), and its TOTP secret. */
  totp: Account;
  totpSecret: string;
  /** The simulator's authenticator clock; null for a real server (whose codes take real time). */
  totpClock: TotpClock | null;
  /** The simulator when the suite runs against it, else null (a real server). */
  sim: OdooSim | null;
  connect(account?: Account, fetchImpl?: typeof fetch): OdooConnection;
  close(): Promise<void>;
}

const REAL_VARIABLES = [
  'ODOO_URL',
  'ODOO_DB',
  'ODOO_ADMIN_LOGIN',
  'ODOO_ADMIN_PASSWORD',
  'ODOO_USER_LOGIN',
  'ODOO_USER_PASSWORD',
  'ODOO_ADMIN2_LOGIN',
  'ODOO_ADMIN2_PASSWORD',
  'ODOO_PORTAL_LOGIN',
  'ODOO_PORTAL_PASSWORD',
  'ODOO_ARCHIVED_LOGIN',
] as const;

export const againstRealServer = Boolean(process.env.ODOO_URL);

const SIM_VERSIONS: readonly SimVersion[] = [17, 18, 19];

/** The targets this run covers: the real server, or each simulated version. */
export function targetSpecs(): TargetSpec[] {
  if (againstRealServer) return [{ kind: 'real' }];
  const wanted = (process.env.ODOO_SIM_VERSIONS ?? '').split(',').map((v) => Number(v.trim())).filter(Boolean);
  const versions = wanted.length > 0 ? SIM_VERSIONS.filter((v) => wanted.includes(v)) : SIM_VERSIONS;
  if (versions.length === 0) throw new Error(`ODOO_SIM_VERSIONS=${process.env.ODOO_SIM_VERSIONS} names no simulated version (17, 18, 19)`);
  return versions.map((version) => ({ kind: 'sim', version }));
}

/** For describe.each: `[label, spec]` pairs. */
export function eachTarget(): [string, TargetSpec][] {
  return targetSpecs().map((spec) => [spec.kind === 'real' ? 'the real server' : `the simulator as Odoo ${spec.version}`, spec]);
}

export async function openTarget(spec: TargetSpec = targetSpecs()[0]!): Promise<ContractTarget> {
  if (spec.kind === 'real') {
    const missing = REAL_VARIABLES.filter((name) => !process.env[name]);
    if (missing.length > 0) throw new Error(`ODOO_URL is set but these are missing: ${missing.join(', ')}`);
    const env = (name: (typeof REAL_VARIABLES)[number]) => process.env[name] as string;
    return build(env('ODOO_URL'), env('ODOO_DB'), 'real', {
      admin: { login: env('ODOO_ADMIN_LOGIN'), password: env('ODOO_ADMIN_PASSWORD') },
      user: { login: env('ODOO_USER_LOGIN'), password: env('ODOO_USER_PASSWORD') },
      admin2: { login: env('ODOO_ADMIN2_LOGIN'), password: env('ODOO_ADMIN2_PASSWORD') },
      portal: { login: env('ODOO_PORTAL_LOGIN'), password: env('ODOO_PORTAL_PASSWORD') },
      archivedLogin: env('ODOO_ARCHIVED_LOGIN'),
      supervisorLogin: process.env.ODOO_SUPERVISOR_LOGIN || 'sue',
      totp: { login: process.env.ODOO_TOTP_LOGIN || 'admin3', password: process.env.ODOO_TOTP_PASSWORD || 'admin3' },
      totpSecret: process.env.ODOO_TOTP_SECRET || LAB_TOTP_SECRET,
      totpClock: null,
      sim: null,
    });
  }
  const sim = await startOdooSim({ hashDelayMs: 0, version: spec.version });
  return build(sim.url, sim.database, 'simulated', simAccounts(sim));
}

/** The simulator's accounts: the same logins as the lab's real servers, passwords equal to logins. */
export function simAccounts(sim: OdooSim): Accounts {
  const same = (login: string): Account => ({ login, password: login });
  return {
    admin: same('admin'),
    user: same('alice'),
    admin2: same('admin2'),
    portal: same('pat'),
    archivedLogin: 'old',
    supervisorLogin: 'sue',
    totp: same('admin3'),
    totpSecret: LAB_TOTP_SECRET,
    totpClock: sim.state.totpClock,
    sim,
  };
}

type Accounts = Omit<ContractTarget, 'url' | 'database' | 'version' | 'label' | 'connect' | 'close'>;

async function build(url: string, database: string, kind: 'real' | 'simulated', accounts: Accounts): Promise<ContractTarget> {
  const base = url.replace(/\/+$/, '');
  const version = await detectVersion(base, database, accounts.admin);
  const expected = process.env.ODOO_VERSION;
  if (kind === 'real' && expected && Number(expected) !== version) {
    await accounts.sim?.close();
    throw new Error(`ODOO_VERSION=${expected}, but the server at ${base} says it is Odoo ${version}`);
  }
  return {
    url: base,
    database,
    version,
    label: `${kind} Odoo ${version}`,
    ...accounts,
    connect: (account = accounts.admin, fetchImpl) =>
      new OdooConnection({ url, database, login: account.login, password: account.password }, { fetch: fetchImpl, timeoutMs: 20_000 }),
    close: async () => {
      await accounts.sim?.close();
    },
  };
}

/** The major version from the server's own session info (server_version_info[0]). */
export async function detectVersion(url: string, database: string, admin: Account): Promise<number> {
  const raw = new RawSession(url);
  const answer = await raw.authenticate(database, admin.login, admin.password);
  const info = answer.envelope?.result as { server_version_info?: unknown[] } | undefined;
  const major = Number(String(info?.server_version_info?.[0] ?? '').replace(/^saas~/, ''));
  await raw.post('/web/session/destroy', {}).catch(() => undefined);
  if (!Number.isInteger(major) || major < 1) throw new Error(`the server at ${url} did not say its version (${answer.text.slice(0, 200)})`);
  return major;
}

/** The ids of the target's accounts, read from the server (archived ones included). */
export interface KnownUsers {
  admin: number;
  user: number;
  admin2: number;
  portal: number;
  archived: number;
  supervisor: number;
  /** The administrator with two-factor sign-in. */
  totp: number;
}

export async function knownUsers(
  target: Pick<ContractTarget, 'connect' | 'admin' | 'user' | 'admin2' | 'portal' | 'archivedLogin' | 'supervisorLogin' | 'totp'>,
): Promise<KnownUsers> {
  const connection = target.connect();
  const idOf = async (login: string): Promise<number> => {
    const page = await connection.searchUsers(login, 0, 50, { includeArchived: true });
    const row = page.rows.find((r) => r.login === login);
    if (!row) throw new Error(`user ${login} not found on the target`);
    return row.id;
  };
  try {
    return {
      admin: await idOf(target.admin.login),
      user: await idOf(target.user.login),
      admin2: await idOf(target.admin2.login),
      portal: await idOf(target.portal.login),
      archived: await idOf(target.archivedLogin),
      supervisor: await idOf(target.supervisorLogin),
      totp: await idOf(target.totp.login),
    };
  } finally {
    await connection.destroy();
  }
}

/**
 * The target opened, with its known users, for the tests of one describe block: opened
 * before them and closed after. Read `.target` and `.ids` inside the tests.
 */
export function useTarget(spec: TargetSpec): { readonly target: ContractTarget; readonly ids: KnownUsers } {
  const opened: { target?: ContractTarget; ids?: KnownUsers } = {};
  beforeAll(async () => {
    opened.target = await openTarget(spec);
    opened.ids = await knownUsers(opened.target);
  });
  afterAll(() => opened.target?.close());
  return {
    get target() {
      if (!opened.target) throw new Error('the contract target is opened in beforeAll');
      return opened.target;
    },
    get ids() {
      if (!opened.ids) throw new Error('the contract target is opened in beforeAll');
      return opened.ids;
    },
  };
}
