// Where the contract suite runs: against the Odoo simulator by default, or
// against a real Odoo server when these are set (see the README):
//   ODOO_URL, ODOO_DB, ODOO_ADMIN_LOGIN, ODOO_ADMIN_PASSWORD   a Settings administrator in the impersonation group
//   ODOO_USER_LOGIN, ODOO_USER_PASSWORD                         a plain internal user
//   ODOO_ADMIN2_LOGIN, ODOO_ADMIN2_PASSWORD                     a second Settings administrator (not in the group)
//   ODOO_PORTAL_LOGIN, ODOO_PORTAL_PASSWORD                     a portal user
//   ODOO_ARCHIVED_LOGIN                                         an archived user
import { OdooConnection } from '../../src-main/odoo';
import { startOdooSim, type OdooSim } from '../support/odoo-sim';

export interface Account {
  login: string;
  password: string;
}

export interface ContractTarget {
  url: string;
  database: string;
  admin: Account;
  user: Account;
  admin2: Account;
  portal: Account;
  archivedLogin: string;
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

export async function openTarget(): Promise<ContractTarget> {
  if (againstRealServer) {
    const missing = REAL_VARIABLES.filter((name) => !process.env[name]);
    if (missing.length > 0) throw new Error(`ODOO_URL is set but these are missing: ${missing.join(', ')}`);
    const env = (name: (typeof REAL_VARIABLES)[number]) => process.env[name] as string;
    return build(env('ODOO_URL'), env('ODOO_DB'), {
      admin: { login: env('ODOO_ADMIN_LOGIN'), password: env('ODOO_ADMIN_PASSWORD') },
      user: { login: env('ODOO_USER_LOGIN'), password: env('ODOO_USER_PASSWORD') },
      admin2: { login: env('ODOO_ADMIN2_LOGIN'), password: env('ODOO_ADMIN2_PASSWORD') },
      portal: { login: env('ODOO_PORTAL_LOGIN'), password: env('ODOO_PORTAL_PASSWORD') },
      archivedLogin: env('ODOO_ARCHIVED_LOGIN'),
      sim: null,
    });
  }
  const sim = await startOdooSim({ hashDelayMs: 0 });
  const same = (login: string): Account => ({ login, password: login });
  return build(sim.url, sim.database, {
    admin: same('admin'),
    user: same('alice'),
    admin2: same('admin2'),
    portal: same('pat'),
    archivedLogin: 'old',
    sim,
  });
}

function build(url: string, database: string, rest: Omit<ContractTarget, 'url' | 'database' | 'connect' | 'close'>): ContractTarget {
  return {
    url: url.replace(/\/+$/, ''),
    database,
    ...rest,
    connect: (account = rest.admin, fetchImpl) =>
      new OdooConnection({ url, database, login: account.login, password: account.password }, { fetch: fetchImpl, timeoutMs: 20_000 }),
    close: async () => {
      await rest.sim?.close();
    },
  };
}

/** The ids of the target's accounts, read from the server (archived ones included). */
export interface KnownUsers {
  admin: number;
  user: number;
  admin2: number;
  portal: number;
  archived: number;
}

export async function knownUsers(target: ContractTarget): Promise<KnownUsers> {
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
    };
  } finally {
    await connection.destroy();
  }
}
