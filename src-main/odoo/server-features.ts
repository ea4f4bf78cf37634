// What the server offers, decided from what it reports, never guessed from the
// version alone (docs/odoo.md, Versions): the version from session info, the module
// from ir.module.module, res.device* and impersonate.log from ir.model, the
// users' groups field that includes implied groups (and auth_totp's totp_enabled)
// from ir.model.fields, and the id of base.group_system from ir.model.data — all in
// one parallel round.
import { z } from 'zod';
import { OdooError } from './odoo-error';
import { resultOf, type RpcChannel } from './rpc-channel';
import type { SessionInfo } from './session-info';

export const IMPERSONATE_MODULE = 'impersonate_login';
export const IMPERSONATE_GROUP_XMLID = 'impersonate_login.group_impersonate_login';

export interface ServerFeatures {
  serverVersion: string;
  versionMajor: number;
  moduleInstalled: boolean;
  hasImpersonateLog: boolean;
  /** res.device and res.device.log (Odoo 17.2+): server-seen IP and revoke by identifier. */
  hasDeviceLog: boolean;
  systemGroupId: number;
  /**
   * The users' groups field that holds implied groups too, which "administrator"
   * must be decided on (AZ-2): `groups_id` up to 18 (it stores them), 19's
   * `all_group_ids` (its `group_ids` holds direct groups only).
   */
  adminGroupsField: 'groups_id' | 'all_group_ids';
  /** Where the web client lives: `/web` on 17, `/odoo` from 18. */
  webClientPath: '/web' | '/odoo';
  /** auth_totp is installed (res.users has totp_enabled): two-factor sign-in can be on for a login. */
  hasTwoFactor: boolean;
}

const ModuleRows = z.array(z.object({ state: z.string() }));
const ModelRows = z.array(z.object({ model: z.string() }));
const XmlIdRows = z.array(z.object({ res_id: z.number().int().positive() }));
const FieldRows = z.array(z.object({ name: z.string() }));

export async function detectFeatures(rpc: RpcChannel, info: SessionInfo): Promise<ServerFeatures> {
  const [modules, models, group, fields] = await Promise.all([
    rpc.callKw('ir.module.module', 'search_read', [[['name', '=', IMPERSONATE_MODULE]]], { fields: ['state'] }),
    rpc.callKw('ir.model', 'search_read', [[['model', 'in', ['res.device', 'res.device.log', 'impersonate.log']]]], {
      fields: ['model'],
    }),
    rpc.callKw('ir.model.data', 'search_read', [[['module', '=', 'base'], ['name', '=', 'group_system']]], {
      fields: ['res_id'],
    }),
    rpc.callKw('ir.model.fields', 'search_read', [[['model', '=', 'res.users'], ['name', 'in', ['groups_id', 'all_group_ids', 'totp_enabled']]]], {
      fields: ['name'],
    }),
  ]);
  const groupFields = new Set(resultOf(fields, FieldRows, 'user-fields').map((row) => row.name));
  const adminGroupsField = groupFields.has('all_group_ids') ? 'all_group_ids' : groupFields.has('groups_id') ? 'groups_id' : null;
  if (adminGroupsField === null) throw new OdooError('not-odoo', { problem: 'group-fields' });
  const moduleRows = resultOf(modules, ModuleRows, 'module-state');
  const present = new Set(resultOf(models, ModelRows, 'models').map((row) => row.model));
  const groupRow = resultOf(group, XmlIdRows, 'group-system')[0];
  if (groupRow === undefined) throw new OdooError('not-odoo', { problem: 'group-system' });
  return {
    serverVersion: info.serverVersion,
    versionMajor: info.versionMajor,
    moduleInstalled: moduleRows.some((row) => row.state === 'installed'),
    hasImpersonateLog: present.has('impersonate.log'),
    hasDeviceLog: present.has('res.device') && present.has('res.device.log'),
    systemGroupId: groupRow.res_id,
    adminGroupsField,
    webClientPath: info.versionMajor >= 18 ? '/odoo' : '/web',
    hasTwoFactor: groupFields.has('totp_enabled'),
  };
}
