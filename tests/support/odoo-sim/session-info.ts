// The session info Odoo answers on authenticate and get_session_info, with the
// keys docs/odoo.md lists (and the module's two keys when it is installed).
import type { SimDatabase } from './models';
import type { SimSession } from './sessions';

export function sessionInfo(db: SimDatabase, session: SimSession & { uid: number }, baseUrl: string): Record<string, unknown> {
  const user = db.user(session.uid);
  const version = db.options.version;
  const info: Record<string, unknown> = {
    uid: session.uid,
    is_system: db.isSystem(session.uid),
    is_admin: db.isSystem(session.uid),
    is_public: false,
    is_internal_user: user?.share === false,
    user_context: { lang: 'en_US', tz: 'Europe/Brussels', uid: session.uid },
    db: db.options.database,
    server_version: `${version}.0`,
    server_version_info: [version, 0, 0, 'final', 0, ''],
    support_url: 'https://www.odoo.com/help',
    name: user?.name ?? '',
    username: user?.login ?? '',
    partner_display_name: user?.name ?? '',
    partner_id: user?.partner_id ?? false,
    'web.base.url': baseUrl,
    active_ids_limit: 20000,
    max_file_upload_size: 134217728,
    home_action_id: false,
    currencies: {},
    test_mode: false,
  };
  if (db.options.moduleInstalled) {
    info.is_impersonate_user = db.isImpersonator(session.uid);
    info.impersonate_from_uid = session.impersonateFromUid;
  }
  return info;
}
