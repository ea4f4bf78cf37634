// What a test can configure on the simulated Odoo server.

export interface SimUserSeed {
  login: string;
  name: string;
  /** Defaults to the login, like the default users. */
  password?: string;
  email?: string | null;
  active?: boolean;
  /** Portal user (Odoo's `share`). */
  portal?: boolean;
  /** Member of base.group_system. */
  systemAdmin?: boolean;
  /** Member of "Lab Supervisors", a group that implies base.group_system (an administrator all the same). */
  supervisor?: boolean;
  /** Member of the module's group impersonate_login.group_impersonate_login. */
  impersonator?: boolean;
  /** Two-factor sign-in (auth_totp) with this base32 secret: authenticate then answers {"uid": null}. */
  totpSecret?: string;
}

export interface SimOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Extra users, after the default set. */
  users?: SimUserSeed[];
  /** Password hashing delay of authenticate and the identity check; a real server takes ~0.5 s. */
  hashDelayMs?: number;
  /** Added before every answer. */
  latencyMs?: number;
  /** Bulk users (user00001...) for searching and benchmarks. */
  seedUsers?: number;
  /** Bulk server log rows, half impersonate.log, half the console's ir.logging entries. */
  seedLogs?: number;
  /** 17, 18 (the default) or 19: the simulator answers as that real version does (version-profile.ts). */
  version?: 17 | 18 | 19;
  /** Whether impersonate_login is installed. */
  moduleInstalled?: boolean;
  /** Whether /web/database/list answers (list_db); false answers AccessDenied. */
  listDatabases?: boolean;
  database?: string;
}

export const DEFAULT_HASH_DELAY_MS = 500;

export type ResolvedSimOptions = Required<Omit<SimOptions, 'users'>> & { users: SimUserSeed[] };

export function resolveOptions(options: SimOptions): ResolvedSimOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    users: options.users ?? [],
    hashDelayMs: options.hashDelayMs ?? DEFAULT_HASH_DELAY_MS,
    latencyMs: options.latencyMs ?? 0,
    seedUsers: options.seedUsers ?? 0,
    seedLogs: options.seedLogs ?? 0,
    version: options.version ?? 18,
    moduleInstalled: options.moduleInstalled ?? true,
    listDatabases: options.listDatabases ?? true,
    database: options.database ?? 'odoo',
  };
}
