// ir.config_parameter as Odoo's get_param and set_param treat it (docs/odoo.md, Server
// identity and the base URL): get_param answers the value or the default (false);
// set_param answers the old value, writes only a different value, and deletes the
// parameter for a false value. And the side effect of every Settings administrator's
// password check (res.users.authenticate): web.base.url moves to the address the
// request came through, unless web.base.url.freeze holds anything.
import type { SimDatabase } from './models';
import type { SimRecord } from './table';

export const BASE_URL_KEY = 'web.base.url';
export const BASE_URL_FREEZE_KEY = 'web.base.url.freeze';

function row(db: SimDatabase, key: string): SimRecord | undefined {
  return db.table('ir.config_parameter').search([['key', '=', key]])[0];
}

export function getParam(db: SimDatabase, key: string, fallback: unknown = false): unknown {
  return row(db, key)?.value ?? fallback;
}

/** Odoo's set_param: the old value (false when there was none). `uid` stamps the write. */
export function setParam(db: SimDatabase, uid: number, key: string, value: unknown): unknown {
  const table = db.table('ir.config_parameter');
  const existing = row(db, key);
  const old = existing?.value ?? false;
  if (value === false || value === null || value === undefined) {
    if (existing) table.delete(existing.id);
    return old;
  }
  const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
  const now = db.now();
  if (!existing) table.insert({ key, value: text, create_date: now, write_date: now, write_uid: uid });
  else if (existing.value !== text) table.update(existing.id, { value: text, write_date: now, write_uid: uid });
  return old;
}

/**
 * After a successful password check (a half-open two-factor one too) of a Settings
 * administrator: web.base.url becomes the request's root URL, from its Host header,
 * unless web.base.url.freeze is truthy (any non-empty value).
 */
export function moveBaseUrl(db: SimDatabase, uid: number, host: string): void {
  if (!db.isSystem(uid) || host === '') return;
  if (getParam(db, BASE_URL_FREEZE_KEY)) return;
  setParam(db, uid, BASE_URL_KEY, `http://${host}`);
}
