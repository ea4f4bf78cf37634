// Who may do what over RPC, as far as docs/odoo.md tells: internal users read the
// directory, only Settings administrators write ir.logging and read every device
// log, nobody creates or deletes impersonate.log rows, and a portal user may call
// nothing on the back-end models (which is what traps a portal impersonation).
import type { SimDatabase } from './models';
import { accessError } from './rpc-error';

export type Operation = 'read' | 'write' | 'create' | 'unlink';

const ADMIN_ONLY = new Set(['ir.logging', 'ir.config_parameter', 'ir.cron']);
const ADMIN_WRITE = new Set(['res.users', 'res.groups', 'ir.model.data', 'ir.model', 'ir.module.module', 'res.partner']);
const READ_ONLY = new Set(['res.device', 'res.device.log', 'auth_totp.device']);

export function checkAccess(db: SimDatabase, uid: number, model: string, operation: Operation): void {
  const refuse = () =>
    accessError(`You are not allowed to ${operation === 'read' ? 'access' : operation} '${model}' (${model}) records.`);
  if (!db.isInternal(uid)) throw refuse();
  const admin = db.isSystem(uid);
  if (ADMIN_ONLY.has(model) && !admin) throw refuse();
  if (operation === 'read') return;
  if (model === 'impersonate.log' && (operation === 'create' || operation === 'unlink')) throw refuse();
  if (READ_ONLY.has(model)) throw refuse();
  if (ADMIN_WRITE.has(model) && !admin) throw refuse();
}
