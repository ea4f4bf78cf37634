// The simulator's data: the default users of docs/odoo.md's test setup (passwords
// equal to logins), Odoo's inactive system records 1, 3, 4, 5, and optional bulk
// users and log rows for benchmarks. Partner ids differ from user ids on purpose,
// so that mixing them up (impersonate.log names the partner) shows.
import { randomUUID } from 'node:crypto';
import { CONSOLE_LOG_NAME, type ConsoleLogMessage } from '../../../src-main/core/ports/server-logs';
import { toOdooDatetime } from '../../../src-main/odoo/odoo-time';
import type { SimDatabase } from './models';
import type { SimUserSeed } from './options';

export const PARTNER_ID_OFFSET = 1000;

interface UserRow extends SimUserSeed {
  id?: number;
  publicUser?: boolean;
}

export const DEFAULT_USERS: readonly UserRow[] = [
  { id: 1, login: '__system__', name: 'OdooBot', active: false, systemAdmin: true },
  { id: 2, login: 'admin', name: 'Mitchell Admin', email: 'admin@example.com', systemAdmin: true, impersonator: true },
  { id: 3, login: 'default', name: 'Default User Template', active: false },
  { id: 4, login: 'public', name: 'Public user', active: false, portal: true, publicUser: true },
  { id: 5, login: 'portaltemplate', name: 'Portal User Template', active: false, portal: true },
  { id: 6, login: 'admin2', name: 'Second Admin', email: 'admin2@example.com', systemAdmin: true },
  { id: 7, login: 'alice', name: 'Alice Anderson', email: 'alice@example.com' },
  { id: 8, login: 'bob', name: 'Bob Brown', email: 'bob@example.com' },
  { id: 9, login: 'carol', name: 'Carol Clark', email: 'carol@example.com' },
  { id: 10, login: 'pat', name: 'Pat Portal', email: 'pat@example.com', portal: true },
  { id: 11, login: 'old', name: 'Old Archived', email: 'old@example.com', active: false },
  // An administrator only through a group that implies Settings (the lab's "Lab Supervisors").
  { id: 12, login: 'sue', name: 'Sue Supervisor', email: 'sue@example.com', supervisor: true },
  // The lab's administrator with two-factor sign-in, and its TOTP secret (shared/odoo/README.md).
  { id: 13, login: 'admin3', name: 'Admin Three (2FA)', email: 'admin3@example.com', systemAdmin: true, impersonator: true, totpSecret: 'JBSWY3DPEHPK3PXP' },
];

/** The system records have no password: nobody logs in as them. */
const NO_PASSWORD = new Set([1, 3, 4, 5]);

export function seedDefaults(db: SimDatabase, extraUsers: SimUserSeed[]): void {
  const groups = db.table('res.groups');
  const data = db.table('ir.model.data');
  const group = (module: string, name: string, label: string): number => {
    const id = groups.insert({ name: label, full_name: label }).id;
    data.insert({ module, name, model: 'res.groups', res_id: id });
    return id;
  };
  db.groups.user = group('base', 'group_user', 'Internal User');
  db.groups.portal = group('base', 'group_portal', 'Portal');
  db.groups.public = group('base', 'group_public', 'Public');
  group('base', 'group_erp_manager', 'Access Rights');
  db.groups.system = group('base', 'group_system', 'Settings');
  db.groups.supervisors = group('lab', 'group_supervisors', 'Lab Supervisors');
  groups.update(db.groups.supervisors, { implied_ids: [db.groups.system, db.groups.user] });
  if (db.options.moduleInstalled) {
    db.groups.impersonate = group('impersonate_login', 'group_impersonate_login', 'Impersonate Users');
  }
  db.table('ir.module.module').insert({ name: 'base', state: 'installed' });
  // The database's own identity (docs/odoo.md, Server identity): one per simulated database.
  db.table('ir.config_parameter').insert({ key: 'database.uuid', value: randomUUID() });
  // The daily clean-up that deletes idle sessions: like the lab's servers (no cron thread), it never ran.
  const cleanup = db.table('ir.cron').insert({ name: 'Base: Auto-vacuum internal data', active: true, lastcall: false, nextcall: db.nowSeconds() });
  data.insert({ module: 'base', name: 'autovacuum_job', model: 'ir.cron', res_id: cleanup.id });
  db.table('ir.module.module').insert({ name: 'impersonate_login', state: db.options.moduleInstalled ? 'installed' : 'uninstalled' });

  for (const user of DEFAULT_USERS) addUser(db, user);
  for (const user of extraUsers) addUser(db, user);
}

export function addUser(db: SimDatabase, user: UserRow): number {
  const users = db.table('res.users');
  const id = user.id ?? Math.max(13, ...users.rows.keys()) + 1;
  const partnerId = id + PARTNER_ID_OFFSET;
  const email = user.email ?? false;
  db.table('res.partner').insert({ id: partnerId, name: user.name, email, active: user.active ?? true });
  const portal = user.portal === true;
  const groupIds = user.supervisor ? [] : [portal ? (user.publicUser ? db.groups.public : db.groups.portal) : db.groups.user];
  if (user.systemAdmin) groupIds.push(db.groups.system);
  if (user.supervisor) groupIds.push(db.groups.supervisors);
  if (user.impersonator && db.groups.impersonate) groupIds.push(db.groups.impersonate);
  users.insert({
    id,
    login: user.login,
    name: user.name,
    email,
    active: user.active ?? true,
    share: portal,
    ...groupFields(db, groupIds),
    partner_id: partnerId,
    login_date: false,
    password: NO_PASSWORD.has(id) ? null : (user.password ?? user.login),
    totp_enabled: user.totpSecret !== undefined,
    totp_secret: user.totpSecret ?? false,
    totp_last_counter: false,
  });
  return id;
}

/**
 * A user's groups as the version stores them: up to 18 groups_id holds the implied
 * groups too; 19's group_ids holds only the direct ones and all_group_ids all.
 */
export function groupFields(db: SimDatabase, direct: number[]): Record<string, number[]> {
  const all = db.withImplied(direct);
  const { groupsField, allGroupsField } = db.profile;
  return groupsField === allGroupsField ? { [groupsField]: all } : { [groupsField]: direct, [allGroupsField]: all };
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Eva', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kim', 'Lena'];
const LAST = ['Garcia', 'Smith', 'Müller', 'Rossi', 'Dubois', 'Kowalski', 'Silva', 'Nguyen', 'Okafor', 'Jensen'];

/** Bulk users: every 10th a portal user, every 25th archived, every 100th an administrator. */
export function seedBulkUsers(db: SimDatabase, count: number): void {
  const users = db.table('res.users');
  const partners = db.table('res.partner');
  let id = Math.max(...users.rows.keys()) + 1;
  for (let n = 1; n <= count; n++, id++) {
    const login = `user${String(n).padStart(5, '0')}`;
    const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]} ${n}`;
    const portal = n % 10 === 0;
    const groupIds = [portal ? db.groups.portal : db.groups.user];
    if (n % 100 === 1) groupIds.push(db.groups.system);
    partners.put({ id: id + PARTNER_ID_OFFSET, name, email: `${login}@example.com`, active: true });
    users.put({
      id,
      login,
      name,
      email: `${login}@example.com`,
      active: n % 25 !== 0,
      share: portal,
      ...groupFields(db, groupIds),
      partner_id: id + PARTNER_ID_OFFSET,
      login_date: false,
      password: login,
      totp_enabled: false,
    });
  }
  users.touch();
  partners.touch();
}

/** How a batch of history rows is labelled (the seed, or rows appended later by a test). */
export interface HistoryStyle {
  host: string;
  reason(n: number): string;
  identifier(n: number): string;
}

const HISTORY_TARGETS = [7, 8, 9] as const;

/**
 * Row `n` of bulk history: a closed impersonate.log row when n is even (if the
 * module is there), otherwise a console ir.logging start entry. `nextId` gives
 * the row's id in its model. Callers touch() both tables once afterwards.
 */
export function putHistoryRow(
  db: SimDatabase,
  n: number,
  when: Date,
  nextId: (model: 'impersonate.log' | 'ir.logging') => number,
  style: HistoryStyle,
): 'impersonate' | 'console' {
  const at = toOdooDatetime(when);
  const target = HISTORY_TARGETS[n % HISTORY_TARGETS.length]!;
  if (n % 2 === 0 && db.has('impersonate.log')) {
    db.table('impersonate.log').put({
      id: nextId('impersonate.log'),
      user_id: 2,
      impersonated_partner_id: target + PARTNER_ID_OFFSET,
      date_start: at,
      date_end: at,
      create_date: at,
      write_date: at,
    });
    return 'impersonate';
  }
  const message: ConsoleLogMessage = {
    event: 'start',
    app: 'Impersonation Console',
    appVersion: '0.1.0',
    host: style.host,
    admin: { uid: 2, login: 'admin' },
    target: { id: target, login: String(db.user(target)?.login), name: String(db.user(target)?.name) },
    reason: style.reason(n),
    sessionIdentifier: style.identifier(n),
    clientIp: '127.0.0.1',
    serverIp: '127.0.0.1',
    at: when.toISOString(),
  };
  db.table('ir.logging').put({
    id: nextId('ir.logging'),
    name: CONSOLE_LOG_NAME,
    type: 'client',
    dbname: db.options.database,
    level: 'INFO',
    message: JSON.stringify(message),
    path: CONSOLE_LOG_NAME,
    func: 'start',
    line: '0',
    create_uid: 2,
    create_date: at,
    write_uid: 2,
    write_date: at,
  });
  return 'console';
}

const SEED_STYLE: HistoryStyle = {
  host: 'seed-host',
  reason: (n) => `Seeded support ticket #${n}`,
  identifier: (n) => `seed${String(n).padStart(38, '0')}`,
};

/** Bulk history: half impersonate.log rows (closed), half console ir.logging entries, one second apart. */
export function seedBulkLogs(db: SimDatabase, count: number): void {
  const start = Date.now() - count * 1000;
  for (let n = 0; n < count; n++) putHistoryRow(db, n, new Date(start + n * 1000), () => n + 1, SEED_STYLE);
  for (const model of ['impersonate.log', 'ir.logging']) if (db.has(model)) db.table(model).touch();
}
