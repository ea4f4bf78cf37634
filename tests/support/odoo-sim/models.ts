// The simulated database: the models the console touches, with the fields
// docs/odoo.md lists, as the simulated version has them (version-profile.ts):
// 17 has no res.device*, 19 names the direct groups group_ids and adds
// all_group_ids with the implied ones; without the module there is no
// impersonate.log. Datetimes are kept with microseconds, as PostgreSQL keeps
// them, and read back truncated to the second, as Odoo answers them.
import type { ResolvedSimOptions } from './options';
import { Table, type FieldDef, type SimRecord } from './table';
import { versionProfile, type VersionProfile } from './version-profile';

const f = (type: FieldDef['type'], relation?: string): FieldDef => ({ type, relation });

export class SimDatabase {
  readonly tables = new Map<string, Table>();
  readonly profile: VersionProfile;
  /** The stored groups field: groups_id (implied groups included) up to 18, group_ids (direct only) on 19. */
  readonly groupsField: 'groups_id' | 'group_ids';
  /**
   * How far the authenticator's clock runs ahead of real time: tests move it a step on
   * instead of waiting 30 s for a code Odoo 19 has not seen yet.
   */
  totpOffsetMs = 0;
  /** Every trusted-device token (td_id) ever handed out, for the canary test (SS-10). */
  readonly issuedTrustedDevices: string[] = [];
  /** Filled by the seed: ids of the groups the simulator reasons about. */
  readonly groups = { user: 0, portal: 0, public: 0, system: 0, impersonate: 0, supervisors: 0 };
  #clockOffsetSeconds = 0;
  #lastMicros = 0;

  constructor(readonly options: ResolvedSimOptions) {
    this.profile = versionProfile(options.version);
    this.groupsField = this.profile.groupsField;
    const allGroups = this.profile.allGroupsField === this.groupsField ? {} : { [this.profile.allGroupsField]: f('many2many', 'res.groups') };
    this.#add(
      new Table(
        'res.users',
        {
          login: f('char'),
          name: f('char'),
          email: f('char'),
          active: f('boolean'),
          share: f('boolean'),
          [this.groupsField]: f('many2many', 'res.groups'),
          ...allGroups,
          partner_id: f('many2one', 'res.partner'),
          login_date: f('datetime'),
          // auth_totp: readable by the user and by administrators (docs/odoo.md, Two-factor sign-in).
          totp_enabled: f('boolean'),
        },
        'name asc',
        new Set(['password', 'totp_secret', 'totp_last_counter']),
      ),
    );
    this.#add(new Table('res.partner', { name: f('char'), email: f('char'), active: f('boolean') }, 'name asc'));
    this.#add(new Table('res.groups', { name: f('char'), full_name: f('char'), implied_ids: f('many2many', 'res.groups') }));
    this.#add(new Table('ir.model.data', { module: f('char'), name: f('char'), model: f('char'), res_id: f('integer') }));
    this.#add(new Table('ir.model', { model: f('char'), name: f('char') }));
    this.#add(new Table('ir.model.fields', { model: f('char'), name: f('char'), ttype: f('char'), store: f('boolean') }));
    this.#add(new Table('ir.module.module', { name: f('char'), state: f('char') }));
    this.#add(new Table('mail.message', { model: f('char'), res_id: f('integer'), body: f('text'), author_id: f('many2one', 'res.partner') }));
    this.#add(
      new Table(
        'ir.logging',
        {
          name: f('char'),
          type: f('char'),
          dbname: f('char'),
          level: f('char'),
          message: f('text'),
          path: f('char'),
          func: f('char'),
          line: f('char'),
          create_uid: f('integer'),
          create_date: f('datetime'),
          write_uid: f('integer'),
          write_date: f('datetime'),
        },
        'id desc',
      ),
    );
    this.#add(
      new Table('ir.config_parameter', {
        key: f('char'),
        value: f('text'),
        create_date: f('datetime'),
        write_date: f('datetime'),
        write_uid: f('many2one', 'res.users'),
      }),
    );
    // Odoo's scheduled jobs; only the daily clean-up matters here (crash recovery on 17).
    this.#add(new Table('ir.cron', { name: f('char'), active: f('boolean'), lastcall: f('datetime'), nextcall: f('datetime') }));
    this.#add(new Table('res.users.identitycheck', { request: f('text'), password: f('char'), create_uid: f('integer') }));
    // auth_totp's trusted devices: the td_id cookie's key is kept, never readable over RPC.
    const expiry: Record<string, FieldDef> = this.profile.trustedDeviceExpiry ? { expiration_date: f('datetime') } : {};
    this.#add(
      new Table(
        'auth_totp.device',
        { name: f('char'), scope: f('char'), user_id: f('many2one', 'res.users'), create_date: f('datetime'), ...expiry },
        'id asc',
        new Set(['key']),
      ),
    );
    if (options.moduleInstalled) {
      const stamp = { create_date: f('datetime'), write_date: f('datetime') };
      this.#add(
        new Table(
          'impersonate.log',
          {
            user_id: f('many2one', 'res.users'),
            impersonated_partner_id: f('many2one', 'res.partner'),
            date_start: f('datetime'),
            date_end: f('datetime'),
            ...stamp,
          },
          'date_start desc',
        ),
      );
    }
    if (this.profile.deviceLog) {
      const device = {
        session_identifier: f('char'),
        user_id: f('many2one', 'res.users'),
        ip_address: f('char'),
        first_activity: f('datetime'),
        last_activity: f('datetime'),
        platform: f('char'),
        browser: f('char'),
        revoked: f('boolean'),
      };
      this.#add(new Table('res.device.log', device, 'last_activity desc'));
      // res.device is a view over the logs that are not revoked, one row per session.
      this.#add(new Table('res.device', device, 'last_activity desc'));
    }
    for (const table of this.tables.values()) {
      table.wholeSecondDomains = this.profile.wholeSecondDomains;
      this.table('ir.model').insert({ model: table.model, name: table.model });
      for (const [name, def] of Object.entries(table.fields)) {
        // all_group_ids is computed (searchable, not stored) on 19.
        this.table('ir.model.fields').insert({ model: table.model, name, ttype: def.type, store: name !== 'all_group_ids' });
      }
    }
  }

  table(model: string): Table {
    const table = this.tables.get(model);
    if (table === undefined) throw new Error(`no model ${model}`);
    return table;
  }

  has(model: string): boolean {
    return this.tables.has(model);
  }

  user(id: number): SimRecord | undefined {
    return this.table('res.users').rows.get(id);
  }

  userByLogin(login: string): SimRecord | undefined {
    for (const user of this.table('res.users').rows.values()) if (user.login === login) return user;
    return undefined;
  }

  /** Membership with implied groups (what Odoo's has_group answers). */
  inGroup(user: SimRecord | undefined, groupId: number): boolean {
    const field = this.profile.allGroupsField;
    return user !== undefined && Array.isArray(user[field]) && (user[field] as number[]).includes(groupId);
  }

  /** The groups and every group they imply, transitively. */
  withImplied(groupIds: number[]): number[] {
    const groups = this.table('res.groups');
    const all = new Set<number>();
    const visit = (id: number) => {
      if (all.has(id)) return;
      all.add(id);
      for (const implied of (groups.rows.get(id)?.implied_ids as number[] | undefined) ?? []) visit(implied);
    };
    groupIds.forEach(visit);
    return [...all].sort((a, b) => a - b);
  }

  isSystem(uid: number): boolean {
    return this.inGroup(this.user(uid), this.groups.system);
  }

  isImpersonator(uid: number): boolean {
    return this.options.moduleInstalled && this.inGroup(this.user(uid), this.groups.impersonate);
  }

  isInternal(uid: number): boolean {
    return this.user(uid)?.share === false;
  }

  nameOf = (model: string, id: number): string | false => {
    const table = this.tables.get(model);
    const record = table?.rows.get(id);
    return record && table ? table.displayName(record) : false;
  };

  /**
   * The server's clock as PostgreSQL stores it: UTC "YYYY-MM-DD HH:MM:SS.ffffff",
   * strictly increasing; RPC answers show it truncated to the second. Tests may
   * move it forward.
   */
  now(): string {
    const micros = Math.max((Date.now() + this.#clockOffsetSeconds * 1000) * 1000, this.#lastMicros + 1);
    this.#lastMicros = micros;
    const iso = new Date(Math.floor(micros / 1000)).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  /** The clock to the second, as fields.Datetime.now() writes it (19's module dates). */
  nowSeconds(): string {
    return this.now().slice(0, 19);
  }

  advanceClock(seconds: number): void {
    this.#clockOffsetSeconds += seconds;
  }

  /** Rebuilds the res.device view from the device logs that are not revoked. */
  refreshDevices(): void {
    if (!this.has('res.device')) return;
    const devices = this.table('res.device');
    devices.rows.clear();
    const bySession = new Map<string, SimRecord>();
    for (const log of this.table('res.device.log').rows.values()) {
      if (log.revoked === true) continue;
      const key = String(log.session_identifier);
      const seen = bySession.get(key);
      if (seen === undefined) bySession.set(key, { ...log });
      else seen.last_activity = log.last_activity;
    }
    for (const device of bySession.values()) devices.rows.set(device.id, device);
    devices.touch();
  }

  #add(table: Table): void {
    this.tables.set(table.model, table);
  }
}
