// The session info Odoo answers on authenticate and get_session_info: the keys
// every version has, those only some have (version-profile.ts), and the module's
// two keys when it is installed (docs/odoo.md, Sessions and the cookie).
import { BASE_URL_KEY, getParam } from './config-params';
import type { SimDatabase } from './models';
import type { SimSession } from './sessions';

export function sessionInfo(db: SimDatabase, session: SimSession & { uid: number }): Record<string, unknown> {
  const user = db.user(session.uid);
  const version = db.options.version;
  const info: Record<string, unknown> = {
    uid: session.uid,
    is_system: db.isSystem(session.uid),
    is_admin: db.isSystem(session.uid),
    is_internal_user: user?.share === false,
    user_context: { lang: 'en_US', tz: false, uid: session.uid },
    db: db.options.database,
    user_settings: {},
    server_version: `${version}.0`,
    server_version_info: [version, 0, 0, 'final', 0, ''],
    support_url: 'https://www.odoo.com/help',
    name: user?.name ?? '',
    username: user?.login ?? '',
    partner_display_name: user?.name ?? '',
    partner_id: user?.partner_id ?? false,
    'web.base.url': getParam(db, BASE_URL_KEY, ''),
    active_ids_limit: 20000,
    profile_session: null,
    profile_collectors: null,
    profile_params: null,
    max_file_upload_size: 134217728,
    home_action_id: false,
    currencies: {},
    bundle_params: { lang: 'en_US' },
    user_companies: {},
    show_effect: true,
    ...db.profile.sessionInfoExtras,
  };
  // 17 names the user's id in a list as well.
  if (version === 17) info.user_id = [session.uid];
  // partner_autocomplete tells administrators whether the company was enriched; 17's web_tour adds tours.
  if (info.is_admin === true) info.iap_company_enrich = true;
  if (info.is_admin === true && db.profile.adminTours) Object.assign(info, { web_tours: [], tour_disable: false });
  if (db.options.moduleInstalled) {
    info.is_impersonate_user = db.isImpersonator(session.uid);
    info.impersonate_from_uid = session.impersonateFromUid;
  }
  return info;
}
