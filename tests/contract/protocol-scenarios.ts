// The raw protocol scenarios of the contract suite: short sequences of HTTP
// exchanges with Odoo, outside the connector, about the server itself (its
// envelope, cookies, status codes, redirects, the module's answers). The
// contract tests assert on their transcripts (what docs/odoo.md says, per
// version), and the fidelity check (fidelity.test.ts) runs every one of them
// against the simulator and the real server in one run and compares the two
// transcripts' normal forms. A scenario branches only on the version the
// server reported, so both targets of one version see the same requests.
// Every session a scenario opens is ended, and every row it writes removed
// (impersonate.log rows cannot be removed over RPC: they are closed).
import type { Account, KnownUsers } from './target';
import { RawSession, type Exchange, type RawAnswer } from './raw-session';
import type { TotpClock } from '../support/totp';
import { TWO_FACTOR_SCENARIOS } from './two-factor-scenarios';

export interface ScenarioTarget {
  url: string;
  database: string;
  version: number;
  admin: Account;
  user: Account;
  admin2: Account;
  /** An administrator with two-factor sign-in, and its base32 TOTP secret. */
  totp: Account;
  totpSecret: string;
  /** A simulator's authenticator clock (moved on instead of waiting for a fresh code); null for a real server. */
  totpClock?: TotpClock | null;
}

export interface ScenarioContext extends ScenarioTarget {
  ids: KnownUsers;
  /** A new raw session whose exchanges go into this scenario's transcript. */
  raw(): RawSession;
}

export type ScenarioName = keyof typeof SCENARIOS;

/** A scenario's exchanges, in order; `get` finds one by its label. */
export class Transcript {
  constructor(
    readonly scenario: string,
    readonly exchanges: Exchange[],
  ) {}

  get(label: string): RawAnswer {
    const found = this.exchanges.find((exchange) => exchange.label === label);
    if (!found) throw new Error(`scenario ${this.scenario} made no exchange labelled "${label}"`);
    return found.answer;
  }
}

export async function runScenario(target: ScenarioTarget, ids: KnownUsers, name: ScenarioName): Promise<Transcript> {
  const exchanges: Exchange[] = [];
  const context: ScenarioContext = { ...target, ids, raw: () => new RawSession(target.url, exchanges) };
  await SCENARIOS[name](context);
  return new Transcript(name, exchanges);
}

/** The web client's entry route (docs/odoo.md, Versions): /web on 17, /odoo from 18. */
export function entryRoute(version: number): string {
  return version >= 18 ? '/odoo' : '/web';
}

/** The users' groups field that includes implied groups (docs/odoo.md, Users). */
export function allGroupsField(version: number): string {
  return version >= 19 ? 'all_group_ids' : 'groups_id';
}

const NOT_AN_ENVELOPE = JSON.stringify({ hello: 'world' });

async function as(context: ScenarioContext, account: Account, label = 'authenticate'): Promise<RawSession> {
  const raw = context.raw();
  await raw.authenticate(context.database, account.login, account.password, label);
  return raw;
}

const resultOf = (answer: RawAnswer) => answer.envelope?.result;

export const SCENARIOS = {
  // ------------------------------------------------------------ transport
  async 'wrong-password'(c: ScenarioContext) {
    await c.raw().authenticate(c.database, c.admin.login, 'definitely-wrong-password', 'wrong password');
  },
  async 'echo-id'(c: ScenarioContext) {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 4242, params: { db: c.database, login: 'x', password: 'y' } });
    await c.raw().post('/web/session/authenticate', null, { body, label: 'id 4242' });
  },
  async 'wrong-request'(c: ScenarioContext) {
    const raw = c.raw();
    await raw.get('/web/session/get_session_info', 'GET');
    await raw.post('/web/session/get_session_info', {}, { contentType: 'text/plain', label: 'text/plain' });
    await raw.post('/web/session/get_session_info', {}, { contentType: null, label: 'no content type' });
    await raw.post('/web/session/get_session_info', {}, { contentType: 'application/json; charset=utf-8', label: 'json with charset' });
  },
  async 'not-an-envelope'(c: ScenarioContext) {
    await c.raw().post('/web/session/authenticate', null, { body: NOT_AN_ENVELOPE, label: 'authenticate' });
    const raw = await as(c, c.user);
    await raw.post('/web/dataset/call_kw/res.users/search_read', null, { body: NOT_AN_ENVELOPE, label: 'call_kw' });
    await raw.post('/web/session/get_session_info', null, { body: NOT_AN_ENVELOPE, label: 'get_session_info' });
    await raw.end();
  },
  async 'not-json'(c: ScenarioContext) {
    const raw = c.raw();
    await raw.post('/web/session/authenticate', null, { body: '[1,2]', label: 'array' });
    await raw.post('/web/session/authenticate', null, { body: 'not json', label: 'not json' });
  },
  async 'refused-calls'(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    await raw.callKw('res.users', '_compute_display_name', [[]], {}, 'private method');
    await raw.callKw('no.such.model', 'search_read', [[]], {}, 'unknown model');
    await raw.end();
  },

  // ------------------------------------------------------------ sessions
  async authenticate(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    await raw.end();
  },
  async 'authenticate-again'(c: ScenarioContext) {
    const raw = await as(c, c.user, 'first');
    await raw.authenticate(c.database, c.user.login, c.user.password, 'second');
    await raw.end();
  },
  async 'cookie-repeats'(c: ScenarioContext) {
    const raw = await as(c, c.user);
    await raw.callKw('res.users', 'search_read', [[['id', '=', c.ids.user]]], { fields: ['login'] }, 'call_kw 1');
    await raw.callKw('res.users', 'search_read', [[['id', '=', c.ids.user]]], { fields: ['login'] }, 'call_kw 2');
    await raw.sessionInfo('get_session_info 1');
    await raw.sessionInfo('get_session_info 2');
    await raw.post('/web/session/check', {}, { label: 'check' });
    await raw.end();
  },
  async destroy(c: ScenarioContext) {
    const raw = await as(c, c.user);
    await raw.sessionInfo('session info');
    const old = raw.cookie;
    await raw.post('/web/session/destroy', {}, { label: 'destroy' });
    raw.cookie = old;
    await raw.sessionInfo('old cookie');
    await raw.post('/web/session/destroy', {}, { label: 'destroy again' });
  },
  async logout(c: ScenarioContext) {
    const raw = await as(c, c.user);
    const old = raw.cookie;
    await raw.get('/web/session/logout', 'logout');
    raw.cookie = old;
    await raw.sessionInfo('old cookie');
    raw.cookie = null;
    await raw.get('/web/session/logout', 'logout without cookie');
  },
  async 'web-client'(c: ScenarioContext) {
    const anonymous = c.raw();
    await anonymous.get('/web', 'anonymous /web');
    anonymous.cookie = null;
    await anonymous.get('/odoo', 'anonymous /odoo');
    const raw = await as(c, c.user);
    await raw.get(entryRoute(c.version), 'entry route');
    await raw.get('/web/login', 'login page');
    await raw.end();
  },

  // ------------------------------------------------------------ the module
  async 'outside-group'(c: ScenarioContext) {
    const raw = await as(c, c.admin2);
    await raw.callKw('res.users', 'impersonate_login', [[c.ids.user]], {}, 'impersonate_login');
    await raw.sessionInfo('session info');
    await raw.end();
  },
  async 'module-refusals'(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    await raw.callKw('res.users', 'impersonate_login', [[c.ids.admin]], {}, 'yourself');
    await raw.callKw('res.users', 'impersonate_login', [[2_000_000_000]], {}, 'unknown id');
    await raw.callKw('res.users', 'impersonate_login', [[c.ids.user, c.ids.admin2]], {}, 'several ids');
    await raw.end();
  },
  async 'impersonate-and-back'(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    await raw.callKw('res.users', 'impersonate_login', [[c.ids.user]], {}, 'impersonate_login');
    await raw.sessionInfo('as the target');
    await raw.callKw('res.users', 'impersonate_login', [[c.ids.admin2]], {}, 'second impersonation');
    await raw.get(entryRoute(c.version), 'web client as the target');
    await raw.callKw('res.users', 'back_to_origin_login', [], {}, 'back');
    await raw.sessionInfo('back as the admin');
    await raw.callKw('res.users', 'back_to_origin_login', [], {}, 'back again');
    await raw.end();
  },
  async 'login-again-while-impersonating'(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    await raw.callKw('res.users', 'impersonate_login', [[c.ids.user]], {}, 'impersonate_login');
    await raw.authenticate(c.database, c.user.login, c.user.password, 'login as the target');
    await raw.sessionInfo('session info');
    await raw.end();
  },

  // ------------------------------------------------------------ users and groups
  async 'has-group'(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    await raw.callKw('res.users', 'has_group', [[c.ids.admin2], 'base.group_system'], {}, 'one record');
    await raw.callKw('res.users', 'has_group', [[c.ids.admin, c.ids.admin2], 'base.group_system'], {}, 'two records');
    await raw.callKw('res.users', 'has_group', ['base.group_system'], {}, 'model method');
    await raw.end();
  },
  async administrators(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    const group = await raw.callKw('ir.model.data', 'search_read', [[['module', '=', 'base'], ['name', '=', 'group_system']]], { fields: ['res_id'] }, 'group id');
    const groupId = (resultOf(group) as { res_id: number }[] | undefined)?.[0]?.res_id ?? 0;
    const among = [c.ids.admin, c.ids.user, c.ids.supervisor];
    const ask = (field: string, label: string) =>
      raw.callKw('res.users', 'search_read', [[['id', 'in', among], [field, 'in', [groupId]]]], { fields: ['login'], context: { active_test: false } }, label);
    await ask('groups_id', 'groups_id');
    await ask(allGroupsField(c.version), 'with implied groups');
    await raw.callKw('res.users', 'web_search_read', [], { domain: [['id', '=', c.ids.user]], specification: { id: {}, login: {}, name: {}, email: {}, active: {}, share: {} }, limit: 1 }, 'web_search_read');
    await raw.end();
  },

  // ------------------------------------------------------------ the server's records
  async 'device-log'(c: ScenarioContext) {
    const admin = await as(c, c.admin, 'admin');
    const user = await as(c, c.user, 'user');
    const identifier = (user.cookie ?? '').slice(0, 42);
    const rows = () => admin.callKw('res.device.log', 'search_read', [[['session_identifier', '=', identifier]]], { fields: ['ip_address', 'user_id'] });
    await rows();
    await user.sessionInfo('first checked request');
    await rows();
    await user.end();
    await admin.end();
  },
  async 'identity-check'(c: ScenarioContext) {
    const victim = await as(c, c.user, 'victim');
    await victim.sessionInfo('victim checked');
    const identifier = (victim.cookie ?? '').slice(0, 42);
    const admin = await as(c, c.admin, 'admin');
    const devices = await admin.callKw('res.device', 'search_read', [[['session_identifier', '=', identifier]]], { fields: ['id'] }, 'devices');
    const ids = ((resultOf(devices) as { id: number }[] | undefined) ?? []).map((row) => row.id);
    const revoke = await admin.callKw('res.device', 'revoke', [ids], {}, 'revoke');
    const wizard = (resultOf(revoke) as { res_id?: number } | undefined)?.res_id;
    if (wizard !== undefined) {
      await admin.callKw('res.users.identitycheck', 'write', [[wizard], { password: 'not-the-password' }], {}, 'write wrong');
      await admin.callKw('res.users.identitycheck', 'run_check', [[wizard]], { context: { password: 'not-the-password' } }, 'run_check wrong');
      await admin.callKw('res.users.identitycheck', 'write', [[wizard], { password: false }], {}, 'clear');
      await admin.callKw('res.users.identitycheck', 'write', [[wizard], { password: c.admin.password }], {}, 'write right');
      await admin.callKw('res.users.identitycheck', 'run_check', [[wizard]], { context: { password: c.admin.password } }, 'run_check');
    }
    await victim.sessionInfo('victim after');
    await victim.end();
    await admin.end();
  },
  async 'console-entry'(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    // Not the console's own name: other contract tests read those entries while this runs.
    const values = { name: 'impersonation-console-contract', type: 'client', dbname: c.database, level: 'INFO', message: '{"event":"contract"}', path: 'contract', func: 'start', line: '0' };
    const created = await raw.callKw('ir.logging', 'create', [values], {}, 'create');
    const id = resultOf(created) as number;
    await raw.callKw('ir.logging', 'web_search_read', [], { domain: [['id', '=', id]], specification: { message: {}, create_date: {}, write_date: {} }, limit: 1, order: 'id asc' }, 'read');
    await raw.callKw('ir.logging', 'unlink', [[id]], {}, 'unlink');
    await raw.end();
  },
  async 'write-date-domains'(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    const values = { name: 'impersonation-console-contract', type: 'client', dbname: c.database, level: 'INFO', message: 'write_date domains', path: 'contract', func: 'domains', line: '0' };
    const id = resultOf(await raw.callKw('ir.logging', 'create', [values], {}, 'create')) as number;
    const read = await raw.callKw('ir.logging', 'search_read', [[['id', '=', id]]], { fields: ['write_date'] }, 'read');
    const second = (resultOf(read) as { write_date: string }[])[0]?.write_date ?? '';
    for (const operator of ['>', '>=', '=', '<']) {
      await raw.callKw('ir.logging', 'search_read', [[['id', '=', id], ['write_date', operator, second]]], { fields: ['id'] }, `write_date ${operator}`);
    }
    await raw.callKw('ir.logging', 'unlink', [[id]], {}, 'unlink');
    await raw.end();
  },
  async 'impersonate-log'(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    // One closed row of our own first, so the read below is never of an empty log.
    const session = await as(c, c.admin, 'impersonating session');
    await session.callKw('res.users', 'impersonate_login', [[c.ids.user]], {}, 'impersonate_login');
    await session.end();
    const named = { fields: { display_name: {} } };
    const specification = { user_id: named, impersonated_partner_id: named, date_start: {}, date_end: {}, create_date: {}, write_date: {} };
    await raw.callKw('impersonate.log', 'web_search_read', [], { domain: [], specification, limit: 1, order: 'id desc' }, 'read');
    await raw.callKw('impersonate.log', 'create', [{ user_id: c.ids.admin }], {}, 'create');
    await raw.callKw('impersonate.log', 'unlink', [[1]], {}, 'unlink');
    await raw.end();
  },

  async 'base-url-parameters'(c: ScenarioContext) {
    const raw = await as(c, c.admin);
    const current = await raw.callKw('ir.config_parameter', 'get_param', ['web.base.url'], {}, 'get web.base.url');
    await raw.callKw('ir.config_parameter', 'get_param', ['web.base.url.freeze'], {}, 'get freeze (none)');
    // Not write_uid: Odoo 19 stamps a sign-in's write through 127.0.0.1 with none (false), through localhost with the user.
    const fields = ['key', 'value', 'write_date'];
    await raw.callKw('ir.config_parameter', 'search_read', [[['key', 'in', ['web.base.url', 'web.base.url.freeze']]]], { fields }, 'read both');
    await raw.callKw('ir.config_parameter', 'set_param', ['web.base.url.freeze', 'True'], {}, 'set freeze');
    await raw.callKw('ir.config_parameter', 'get_param', ['web.base.url.freeze'], {}, 'get freeze');
    await raw.callKw('ir.config_parameter', 'set_param', ['web.base.url.freeze', false], {}, 'remove freeze');
    await raw.callKw('ir.config_parameter', 'get_param', ['web.base.url.freeze'], {}, 'get freeze (removed)');
    await raw.callKw('ir.config_parameter', 'set_param', ['web.base.url', resultOf(current)], {}, 'set the same web.base.url');
    const user = await as(c, c.user, 'plain user');
    await user.callKw('ir.config_parameter', 'set_param', ['web.base.url.freeze', 'True'], {}, 'plain user may not');
    await user.end();
    await raw.end();
  },

  // ------------------------------------------------------------ two-factor sign-in
  ...TWO_FACTOR_SCENARIOS,
};
