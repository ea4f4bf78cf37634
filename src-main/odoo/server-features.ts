// What the server offers, decided from what it reports, never guessed from the
// version alone (docs/odoo.md, Versions): the version from session info, the module
// from ir.module.module, res.device* and impersonate.log from ir.model, and the
// id of base.group_system from ir.model.data.
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
  /** The users' groups field: `group_ids` from Odoo 19, `groups_id` before. */
  groupsField: 'groups_id' | 'group_ids';
}

const ModuleRows = z.array(z.object({ state: z.string() }));
const ModelRows = z.array(z.object({ model: z.string() }));
const XmlIdRows = z.array(z.object({ res_id: z.number().int().positive() }));

export async function detectFeatures(rpc: RpcChannel, info: SessionInfo): Promise<ServerFeatures> {
  const [modules, models, group] = await Promise.all([
    rpc.callKw('ir.module.module', 'search_read', [[['name', '=', IMPERSONATE_MODULE]]], { fields: ['state'] }),
    rpc.callKw('ir.model', 'search_read', [[['model', 'in', ['res.device', 'res.device.log', 'impersonate.log']]]], {
      fields: ['model'],
    }),
    rpc.callKw('ir.model.data', 'search_read', [[['module', '=', 'base'], ['name', '=', 'group_system']]], {
      fields: ['res_id'],
    }),
  ]);
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
    groupsField: info.versionMajor >= 19 ? 'group_ids' : 'groups_id',
  };
}
