// The simulated database: the models the console touches, with the fields
// docs/odoo.md lists. Version 17 has no res.device*, 19 names the groups field
// group_ids; without the module there is no impersonate.log.
import { toOdooDatetime } from '../../../src-main/odoo/odoo-time';
import type { ResolvedSimOptions } from './options';
import { Table, type FieldDef, type SimRecord } from './table';

const f = (type: FieldDef['type'], relation?: string): FieldDef => ({ type, relation });

export class SimDatabase {
  readonly tables = new Map<string, Table>();
  readonly groupsField: 'groups_id' | 'group_ids';
  /** Filled by the seed: ids of the groups the simulator reasons about. */
  readonly groups = { user: 0, portal: 0, public: 0, system: 0, impersonate: 0 };
  #clockOffsetSeconds = 0;

  constructor(readonly options: ResolvedSimOptions) {
    this.groupsField = options.version >= 19 ? 'group_ids' : 'groups_id';
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
          partner_id: f('many2one', 'res.partner'),
          login_date: f('datetime'),
        },
        'name asc',
        new Set(['password']),
      ),
    );
    this.#add(new Table('res.partner', { name: f('char'), email: f('char'), active: f('boolean') }, 'name asc'));
    this.#add(new Table('res.groups', { name: f('char'), full_name: f('char') }));
    this.#add(new Table('ir.model.data', { module: f('char'), name: f('char'), model: f('char'), res_id: f('integer') }));
    this.#add(new Table('ir.model', { model: f('char'), name: f('char') }));
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
    this.#add(new Table('res.users.identitycheck', { request: f('text'), password: f('char'), create_uid: f('integer') }));
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
    if (options.version >= 18) {
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
    for (const model of this.tables.keys()) this.table('ir.model').insert({ model, name: model });
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

  inGroup(user: SimRecord | undefined, groupId: number): boolean {
    return user !== undefined && Array.isArray(user[this.groupsField]) && (user[this.groupsField] as number[]).includes(groupId);
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

  /** The server's clock as Odoo writes it; tests may move it forward. */
  now(): string {
    return toOdooDatetime(new Date(Date.now() + this.#clockOffsetSeconds * 1000));
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
